using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.WeChat;
using PatentWeek.Cms.Workflow;
using PatentWeek.WeChat;
using PatentWeek.WeChat.Api;

namespace PatentWeek.Cms.WeChat;

/// <summary>Today's use of one API path, or why it could not be read.</summary>
public sealed record WeChatQuota(string Path, string Label, QuotaInfo? Quota, string? Error);

/// <summary>Whether the account answers (an access token was issued), in words, with the quotas that matter to cross-posting.</summary>
public sealed record WeChatConnectionTest(bool Ok, string Message, IReadOnlyList<WeChatQuota> Quotas);

/// <summary>
/// The account as an administrator enters it in the admin, and a test of it. Secrets are write-only: a blank one
/// keeps what is stored, none is ever shown or written to the audit log.
/// </summary>
public sealed class WeChatAccountAdmin(CmsDbContext db, WeChatAccounts accounts, AuditLog audit, TimeProvider time)
{
    /// <summary>The APIs a cross-post spends: draft, publish, body pictures, covers.</summary>
    public static readonly IReadOnlyList<(string Path, string Label)> QuotaPaths =
    [
        ("/cgi-bin/draft/add", "新建草稿"),
        ("/cgi-bin/freepublish/submit", "发布"),
        ("/cgi-bin/media/uploadimg", "上传正文图片"),
        ("/cgi-bin/material/add_material", "上传封面素材"),
    ];

    /// <summary>Real AppIDs are <c>wx</c> and 16 hex digits; test accounts and emulators use other letters and digits.</summary>
    public static bool IsAppId(string appId) => appId.Length is >= 3 and <= 64 && appId.All(char.IsAsciiLetterOrDigit);

    public static bool IsSecret(string secret) => secret.Length is >= 3 and <= 128 && secret.All(char.IsAsciiLetterOrDigit);

    /// <returns>Field errors (AppId, AppSecret, Token, EncodingAesKey); empty when saved.</returns>
    public async Task<IReadOnlyDictionary<string, string>> SaveAsync(
        string? appId, string? appSecret, string? token, string? encodingAesKey, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        (appId, appSecret, token, encodingAesKey) = (Clean(appId), Clean(appSecret), Clean(token), Clean(encodingAesKey));
        var errors = new Dictionary<string, string>();
        if (appId is not null && !IsAppId(appId))
            errors["AppId"] = "AppID 为 3 至 64 位字母或数字（公众号的 AppID 是 wx 加 16 位字母数字）。";
        if (appSecret is not null && !IsSecret(appSecret))
            errors["AppSecret"] = "AppSecret 为字母和数字（公众号后台显示的 32 位）。";
        if (token is not null && !WeChatAccounts.IsToken(token))
            errors["Token"] = "Token 为 3 至 32 位字母或数字。";
        if (encodingAesKey is not null && !WeChatAccounts.IsAesKey(encodingAesKey))
            errors["EncodingAesKey"] = "EncodingAESKey 为 43 位字母或数字。";

        var row = await db.WeChatAccountSettings.FirstOrDefaultAsync(s => s.Id == WeChatAccounts.SettingsRow, cancellationToken);
        var account = await accounts.CurrentAsync(cancellationToken);
        if (appId is null && row?.AppId is null && account.Sources["AppId"] == WeChatValueSource.None)
            errors["AppId"] = "请填写 AppID。";
        if (errors.Count > 0)
            return errors;

        if (row is null)
        {
            row = new WeChatAccountSettings { Id = WeChatAccounts.SettingsRow };
            db.WeChatAccountSettings.Add(row);
        }

        // The audit entry names what changed, never a secret's value.
        var changed = new List<string>();
        if (appId is not null && appId != row.AppId)
        {
            row.AppId = appId;
            changed.Add("AppID " + appId);
        }

        if (appSecret is not null)
        {
            row.ProtectedAppSecret = accounts.Protect(appSecret);
            changed.Add("AppSecret");
        }

        if (token is not null)
        {
            row.ProtectedToken = accounts.Protect(token);
            changed.Add("Token");
        }

        if (encodingAesKey is not null)
        {
            row.ProtectedEncodingAesKey = accounts.Protect(encodingAesKey);
            changed.Add("EncodingAESKey");
        }

        if (changed.Count == 0)
            return errors;
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        row.UpdatedBy = actor.Email;
        audit.Record(actor, AuditAction.WeChatSettings, "wechat-account", "更新 " + string.Join("、", changed));
        await db.SaveChangesAsync(cancellationToken);
        accounts.Invalidate();
        return errors;
    }

    /// <summary>Forgets everything an administrator entered (configuration, or the emulator's account, applies again).</summary>
    public async Task ClearAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var row = await db.WeChatAccountSettings.FirstOrDefaultAsync(s => s.Id == WeChatAccounts.SettingsRow, cancellationToken);
        if (row is null)
            return;
        db.WeChatAccountSettings.Remove(row);
        audit.Record(actor, AuditAction.WeChatSettings, "wechat-account", "清除管理员填写的账号");
        await db.SaveChangesAsync(cancellationToken);
        accounts.Invalidate();
    }

    /// <summary>Asks for an access token and reads the quotas; every failure comes back as a message, never as an exception.</summary>
    public async Task<WeChatConnectionTest> TestAsync(CancellationToken cancellationToken)
    {
        var account = await accounts.CurrentAsync(cancellationToken);
        if (!account.CanCall)
            return new(false, "尚未配置微信公众号：需要 AppID 和 AppSecret。", []);
        var client = accounts.Client(account);
        try
        {
            await client.Tokens.GetAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new(false, "连接失败：" + Describe(e), []);
        }

        var quotas = new List<WeChatQuota>();
        foreach (var (path, label) in QuotaPaths)
        {
            try
            {
                quotas.Add(new(path, label, await client.Materials.QuotaAsync(path, cancellationToken), null));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                quotas.Add(new(path, label, null, Describe(e)));
            }
        }

        var where = account.IsEmulator ? "内置模拟器" : "微信公众号";
        return new(true, $"连接成功：{where}（AppID {account.AppId}）已发放接口调用凭证。", quotas);
    }

    private static string Describe(Exception e) => e switch
    {
        WeChatApiException w => WeChatErrorText.Describe(w),
        HttpRequestException h => WeChatErrorText.Describe(h),
        TimeoutException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException => "微信服务器没有及时回答，请稍后再试",
        Polly.CircuitBreaker.BrokenCircuitException => "最近连续调用失败，暂停调用微信接口，请稍后再试",
        _ => "微信的回答无法识别",
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
