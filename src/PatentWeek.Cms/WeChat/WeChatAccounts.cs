using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.WeChat;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.WeChat;
using PatentWeek.WeChat.Push;

namespace PatentWeek.Cms.WeChat;

/// <summary>Where each account value came from, shown in the admin so nobody edits a value configuration overrides.</summary>
public enum WeChatValueSource
{
    None,
    Configuration,
    Administrator,
    Emulator,
}

/// <summary>The account the CMS talks to and takes pushes from, resolved value by value.</summary>
public sealed record WeChatAccount(
    string ApiBaseUrl, string? AppId, string? AppSecret, string? Token, string? EncodingAesKey, bool IsEmulator,
    IReadOnlyDictionary<string, WeChatValueSource> Sources)
{
    public bool CanCall => AppId is not null && AppSecret is not null;

    public bool CanReceive => Token is not null && AppId is not null;
}

/// <summary>
/// Resolves the account: configuration wins, then what an administrator entered (secrets decrypted with Data
/// Protection, whose keys live in <c>&lt;DataPath&gt;/keys</c>), then, in the embedded mode, the emulator's made-up
/// account. Keeps one push receiver per account, so its replay memory outlives a request.
/// </summary>
public sealed class WeChatAccounts(
    IOptions<WeChatSettings> settings, IOptions<CmsOptions> cms, EmbeddedAccount embedded, IServer server,
    IServiceScopeFactory scopes, IDataProtectionProvider protection, WeChatClientFactory clients, TimeProvider time)
{
    /// <summary>Where the embedded mode hosts the emulator.</summary>
    public const string EmulatorPrefix = "/wechat-emulator";

    /// <summary>The one row of <see cref="WeChatAccountSettings"/>.</summary>
    public const int SettingsRow = 1;

    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);
    private readonly IDataProtector _protector = protection.CreateProtector("PatentWeek.Cms.WeChat.AccountSecrets");
    private readonly ConcurrentDictionary<(string Token, string? Key, string AppId), WeChatPushReceiver> _receivers = new();
    private volatile CachedAccount? _cached;

    public bool HostsEmulator => settings.Value.Emulator ?? (cms.Value.Mode == CmsMode.Embedded && settings.Value.ApiBaseUrl is null);

    public static bool IsAesKey(string key) => key.Length == 43 && key.All(char.IsAsciiLetterOrDigit);

    public static bool IsToken(string token) => token.Length is >= 3 and <= 32 && token.All(char.IsAsciiLetterOrDigit);

    public async Task<WeChatAccount> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } c && time.GetUtcNow() - c.At < CacheFor)
            return c.Account;
        WeChatAccountSettings? stored;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            stored = await db.WeChatAccountSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SettingsRow, cancellationToken);
        }

        var account = Resolve(stored);
        _cached = new CachedAccount(account, time.GetUtcNow());
        return account;
    }

    /// <summary>Forgets the cached account after an administrator changed it.</summary>
    public void Invalidate() => _cached = null;

    public WeChatClient Client(WeChatAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!account.CanCall)
            throw new InvalidOperationException("The WeChat account has no AppId and secret yet.");
        return clients.Create(new WeChatOptions { ApiBaseUrl = account.ApiBaseUrl, AppId = account.AppId!, AppSecret = account.AppSecret! });
    }

    public WeChatPushReceiver Receiver(WeChatAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return _receivers.GetOrAdd((account.Token!, account.EncodingAesKey, account.AppId!), k =>
            new WeChatPushReceiver(k.Token, k.Key is null ? null : new WeChatMessageCrypt(k.Key, k.AppId), time));
    }

    public string? Protect(string? value) => string.IsNullOrEmpty(value) ? null : _protector.Protect(value);

    private string? Unprotect(string? value)
    {
        if (value is null)
            return null;
        try
        {
            return _protector.Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // The keys folder was lost or replaced: the administrator enters the secret again.
            return null;
        }
    }

    private WeChatAccount Resolve(WeChatAccountSettings? stored)
    {
        var o = settings.Value;
        var emulator = HostsEmulator;
        var made = emulator ? embedded.Current : null;
        var sources = new Dictionary<string, WeChatValueSource>();

        string? Pick(string name, string? configured, string? entered, string? generated)
        {
            var (value, source) = configured is { Length: > 0 } ? (configured, WeChatValueSource.Configuration)
                : entered is { Length: > 0 } ? (entered, WeChatValueSource.Administrator)
                : generated is not null ? (generated, WeChatValueSource.Emulator)
                : (null, WeChatValueSource.None);
            sources[name] = source;
            return value;
        }

        var appId = Pick("AppId", o.AppId, stored?.AppId, made?.AppId);
        var secret = Pick("AppSecret", o.AppSecret, Unprotect(stored?.ProtectedAppSecret), made?.AppSecret);
        var token = Pick("Token", o.Token, Unprotect(stored?.ProtectedToken), made?.Token);
        var key = Pick("EncodingAESKey", o.EncodingAESKey, Unprotect(stored?.ProtectedEncodingAesKey), made?.EncodingAesKey);
        var baseUrl = o.ApiBaseUrl ?? (emulator ? LocalAddress() + EmulatorPrefix : WeChatOptions.DefaultApiBaseUrl);
        return new WeChatAccount(baseUrl, appId, secret, token, key, emulator, sources);
    }

    private sealed record CachedAccount(WeChatAccount Account, DateTimeOffset At);

    /// <summary>The hosted emulator is called over loopback HTTP on the port this server listens on.</summary>
    private string LocalAddress() =>
        (ServerAddresses.First(server, "127.0.0.1") ?? "http://127.0.0.1").Replace("://localhost", "://127.0.0.1", StringComparison.Ordinal);
}
