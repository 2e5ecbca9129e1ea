using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Accounts;
using PatentWeek.Cms.Workflow;
using QRCoder;

namespace PatentWeek.Cms.Pages.Admin;

/// <summary>Turns on sign-in with an authenticator app (TOTP), for everyone and required for administrators.</summary>
public sealed class TwoFactorModel(UserManager<CmsUser> users, SignInManager<CmsUser> signIn, AuditLog audit, CmsDbContext db) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请输入验证码"), RegularExpression("^\\s*\\d{3}\\s?\\d{3}\\s*$", ErrorMessage = "验证码是 6 位数字")]
    public string Code { get; set; } = "";

    public bool Enabled { get; private set; }
    public bool Required => User.HasClaim(CmsClaims.NeedsTwoFactor, "1");
    public string SharedKey { get; private set; } = "";
    public string QrCode { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return RedirectToPage("/Admin/SignIn");
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return RedirectToPage("/Admin/SignIn");
        if (ModelState.IsValid && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Code.Replace(" ", "", StringComparison.Ordinal).Trim()))
        {
            await users.SetTwoFactorEnabledAsync(user, true);
            audit.Record(user.Email!, AuditAction.TwoFactorEnable, $"user/{user.Email}");
            await db.SaveChangesAsync();
            await signIn.RefreshSignInAsync(user);
            TempData["Message"] = "双因素登录已启用。";
            return RedirectToPage("/Admin/Index");
        }

        ModelState.AddModelError(nameof(Code), "验证码不正确，请核对手机时间后重试。");
        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(CmsUser user)
    {
        Enabled = user.TwoFactorEnabled;
        if (Enabled)
            return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        SharedKey = string.Join(' ', Enumerable.Range(0, (key!.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4))))).ToLowerInvariant();
        var uri = $"otpauth://totp/{Uri.EscapeDataString("专利周CMS:" + user.Email)}?secret={key}&issuer={Uri.EscapeDataString("专利周CMS")}&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(Encoding.UTF8.GetBytes(uri), QRCodeGenerator.ECCLevel.M);
        QrCode = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
