using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Accounts;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Pages.Admin;

[EnableRateLimiting(AuthSetup.SignInRateLimit)]
public sealed class SignInModel(SignInManager<CmsUser> signIn, UserManager<CmsUser> users, AuditLog audit, CmsDbContext db) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请输入邮箱"), EmailAddress(ErrorMessage = "邮箱格式不正确"), MaxLength(256)]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "请输入密码"), MaxLength(256)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();

        var user = await users.FindByEmailAsync(Email);
        if (user is null || user.DisabledAt is not null)
        {
            audit.Record(Email, AuditAction.SignInFailed, "admin", user is null ? "没有此账号" : "账号已停用");
            await db.SaveChangesAsync();
            ModelState.AddModelError("", "邮箱或密码不正确，或账号已被锁定。");
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Admin/SignInCode", new { ReturnUrl });
        if (!result.Succeeded)
        {
            audit.Record(Email, AuditAction.SignInFailed, "admin", result.IsLockedOut ? "账号已锁定" : "密码错误");
            await db.SaveChangesAsync();
            ModelState.AddModelError("", result.IsLockedOut ? "登录失败次数过多，账号已锁定 15 分钟。" : "邮箱或密码不正确，或账号已被锁定。");
            return Page();
        }

        audit.Record(Email, AuditAction.SignIn, "admin");
        await db.SaveChangesAsync();
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "~/admin");
    }
}
