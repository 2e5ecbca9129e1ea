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
public sealed class SignInCodeModel(SignInManager<CmsUser> signIn, AuditLog audit, CmsDbContext db) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请输入验证码"), RegularExpression("^\\s*\\d{3}\\s?\\d{3}\\s*$", ErrorMessage = "验证码是 6 位数字")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Admin/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
            return RedirectToPage("/Admin/SignIn");
        if (!ModelState.IsValid)
            return Page();

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Code.Replace(" ", "", StringComparison.Ordinal).Trim(), isPersistent: false, rememberClient: false);
        if (!result.Succeeded)
        {
            audit.Record(user.Email ?? user.Id, AuditAction.SignInFailed, "admin", "双因素验证码错误");
            await db.SaveChangesAsync();
            ModelState.AddModelError(nameof(Code), result.IsLockedOut ? "失败次数过多，账号已锁定 15 分钟。" : "验证码不正确。");
            return Page();
        }

        audit.Record(user.Email ?? user.Id, AuditAction.SignIn, "admin", "双因素验证");
        await db.SaveChangesAsync();
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "~/admin");
    }
}
