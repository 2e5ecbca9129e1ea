using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Accounts;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Pages.Admin.Settings;

/// <summary>Accounts for administrators: add with a generated password (changed at first sign-in), disable, enable.</summary>
public sealed class UsersModel(UserManager<CmsUser> users, CmsDbContext db, AuditLog audit, AccountService accounts, UserCreation creation) : AdminPage
{
    public sealed record Row(string Id, string Email, IList<string> Roles, string? City, string? CityCode, bool TwoFactor, bool Disabled, bool MustChange);

    [BindProperty, Required(ErrorMessage = "请填写邮箱"), EmailAddress(ErrorMessage = "邮箱格式不正确"), MaxLength(256)]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "请选择角色")]
    public string Role { get; set; } = Accounts.Roles.CityContributor;

    [BindProperty]
    public string? City { get; set; }

    public List<Row> Users { get; private set; } = [];
    public List<City> Cities { get; private set; } = [];
    public string? NewPassword { get; private set; }
    public string? NewEmail { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (ModelState.IsValid)
        {
            var password = AccountsInitializer.NewPassword();
            var (user, errors) = await creation.CreateAsync(Actor.Email, Email, Role, City, password, mustChangePassword: true);
            AddErrors(errors);
            if (user is not null)
            {
                NewPassword = password;
                NewEmail = Email;
            }
        }
        else
        {
            // The form's own checks failed; the role and city are still checked, so every mistake shows at once.
            AddErrors((await creation.CheckRoleAsync(Role, City)).Errors);
        }

        await LoadAsync();
        return Page();
    }

    /// <summary>A new generated password (shown once, to be changed at the next sign-in); sessions and tokens end.</summary>
    public async Task<IActionResult> OnPostResetPasswordAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
            return NotFound();
        var password = AccountsInitializer.NewPassword();
        await users.RemovePasswordAsync(user);
        await users.AddPasswordAsync(user, password);
        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await accounts.RevokeTokensAsync(user);
        audit.Record(Actor, AuditAction.UserResetPassword, $"user/{user.Email}");
        await db.SaveChangesAsync();
        NewPassword = password;
        NewEmail = user.Email;
        await LoadAsync();
        return Page();
    }

    /// <summary>For someone who lost their phone: two-factor sign-in is turned off and must be set up again.</summary>
    public async Task<IActionResult> OnPostResetTwoFactorAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
            return NotFound();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.UpdateSecurityStampAsync(user);
        audit.Record(Actor, AuditAction.UserResetTwoFactor, $"user/{user.Email}");
        await db.SaveChangesAsync();
        TempData["Message"] = $"已重置 {user.Email} 的双因素登录，下次登录时需重新设置。";
        return RedirectToPage();
    }

    /// <summary>Moves an account to another role (and city); its sessions end so the new rights apply at once.</summary>
    public async Task<IActionResult> OnPostChangeRoleAsync(string id, string? newRole, string? newCity)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
            return NotFound();
        // The add-user form's fields are bound on every post; they play no part here.
        ModelState.Clear();
        var role = await CheckRoleAsync(newRole, newCity);
        if (user.Id == Actor.Id && role != Accounts.Roles.Administrator)
            ModelState.AddModelError("", "不能取消自己的管理员角色。");
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.AddToRoleAsync(user, role!);
        user.CityCode = string.IsNullOrEmpty(newCity) ? null : newCity;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        audit.Record(Actor, AuditAction.UserChange, $"user/{user.Email}", Accounts.Roles.Label(role!) + (user.CityCode is null ? "" : " " + user.CityCode));
        await db.SaveChangesAsync();
        TempData["Message"] = $"已将 {user.Email} 改为{Accounts.Roles.Label(role!)}。";
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostDisableAsync(string id) => SetDisabledAsync(id, true);

    public Task<IActionResult> OnPostEnableAsync(string id) => SetDisabledAsync(id, false);

    private async Task<IActionResult> SetDisabledAsync(string id, bool disabled)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
            return NotFound();
        if (user.Id == Actor.Id)
        {
            TempData["Message"] = "不能停用自己的账号。";
            return RedirectToPage();
        }

        await accounts.SetDisabledAsync(user, disabled);

        audit.Record(Actor, disabled ? AuditAction.UserDisable : AuditAction.UserEnable, $"user/{user.Email}");
        await db.SaveChangesAsync();
        TempData["Message"] = disabled ? $"已停用 {user.Email}。" : $"已启用 {user.Email}。";
        return RedirectToPage();
    }

    /// <summary>The role, when it and the city go together; otherwise errors on the form and null.</summary>
    private async Task<string?> CheckRoleAsync(string? roleName, string? city)
    {
        var (role, errors) = await creation.CheckRoleAsync(roleName, city);
        AddErrors(errors);
        return role ?? Accounts.Roles.Normalize(roleName);
    }

    /// <summary>Each refusal next to its field, in Chinese.</summary>
    private void AddErrors(IEnumerable<AccountError> errors)
    {
        foreach (var error in errors)
            ModelState.AddModelError(error.Field switch { "role" => nameof(Role), "city" => nameof(City), "email" => nameof(Email), _ => "" }, error.Text);
    }

    private async Task LoadAsync()
    {
        Cities = await db.Cities.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync();
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync();
        Users = [];
        foreach (var u in all)
            Users.Add(new Row(u.Id, u.Email ?? "", await users.GetRolesAsync(u), Cities.FirstOrDefault(c => c.Code == u.CityCode)?.Name, u.CityCode, u.TwoFactorEnabled, u.DisabledAt is not null, u.MustChangePassword));
    }
}
