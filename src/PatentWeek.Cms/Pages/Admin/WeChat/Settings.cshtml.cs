using Microsoft.AspNetCore.Mvc;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.WeChat;

namespace PatentWeek.Cms.Pages.Admin.WeChat;

/// <summary>
/// The WeChat account: where each value comes from, the values an administrator may enter (secrets are write-only:
/// never shown, a blank one keeps what is stored), and a connection test with today's quotas.
/// </summary>
public sealed class SettingsModel(WeChatAccounts accounts, WeChatAccountAdmin admin, PublicUrls urls) : AdminPage
{
    public WeChatAccount Account { get; private set; } = null!;
    public WeChatConnectionTest? Test { get; private set; }
    public string CallbackUrl => urls.Absolute(WeChatCallback.Path);

    [BindProperty]
    public string? AppId { get; set; }

    [BindProperty]
    public string? AppSecret { get; set; }

    [BindProperty]
    public string? Token { get; set; }

    [BindProperty]
    public string? EncodingAesKey { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = await admin.SaveAsync(AppId, AppSecret, Token, EncodingAesKey, Actor, cancellationToken);
        if (errors.Count == 0)
        {
            TempData["Message"] = "已保存。";
            return RedirectToPage();
        }

        foreach (var (field, message) in errors)
            ModelState.AddModelError(field, message);
        (AppSecret, Token, EncodingAesKey) = (null, null, null);
        Account = await accounts.CurrentAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostTestAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Test = await admin.TestAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostClearAsync(CancellationToken cancellationToken)
    {
        await admin.ClearAsync(Actor, cancellationToken);
        TempData["Message"] = "已清除管理员填写的账号。";
        return RedirectToPage();
    }

    public WeChatValueSource Source(string name) => Account.Sources.GetValueOrDefault(name);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Account = await accounts.CurrentAsync(cancellationToken);
        (AppId, AppSecret, Token, EncodingAesKey) = (Source("AppId") == WeChatValueSource.Administrator ? Account.AppId : null, null, null, null);
    }
}
