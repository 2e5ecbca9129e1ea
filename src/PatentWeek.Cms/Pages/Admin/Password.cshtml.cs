using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Accounts;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Pages.Admin;

public sealed class PasswordModel(UserManager<CmsUser> users, SignInManager<CmsUser> signIn, AuditLog audit, CmsDbContext db, AccountService accounts) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请输入当前密码"), MaxLength(256)]
    public string Current { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "请输入新密码"), MaxLength(256)]
    public string Next { get; set; } = "";

    [BindProperty, Compare(nameof(Next), ErrorMessage = "两次输入的新密码不一致")]
    public string Confirm { get; set; } = "";

    public bool MustChange => User.HasClaim(CmsClaims.MustChangePassword, "1");

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var user = await users.GetUserAsync(User);
        if (user is null)
            return RedirectToPage("/Admin/SignIn");
        if (Next == Current)
        {
            ModelState.AddModelError(nameof(Next), "新密码不能与当前密码相同。");
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Current, Next);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(Current) : nameof(Next), Describe(error));
            return Page();
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        // A new password voids the API tokens issued for the old one.
        await accounts.RevokeTokensAsync(user);
        audit.Record(user.Email!, AuditAction.PasswordChange, $"user/{user.Email}");
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "密码已修改。";
        return RedirectToPage("/Admin/Index");
    }

    private static string Describe(IdentityError error) => error.Code switch
    {
        "PasswordMismatch" => "当前密码不正确。",
        "PasswordTooShort" => "新密码至少 10 位。",
        "PasswordRequiresUpper" => "新密码需要包含大写字母。",
        "PasswordRequiresLower" => "新密码需要包含小写字母。",
        "PasswordRequiresDigit" => "新密码需要包含数字。",
        _ => error.Description,
    };
}
