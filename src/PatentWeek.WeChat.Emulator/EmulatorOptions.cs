using System.ComponentModel.DataAnnotations;

namespace PatentWeek.WeChat.Emulator;

/// <summary>The emulated account and the emulator's behaviour (the <c>WeChatEmulator</c> configuration section).</summary>
public sealed class EmulatorOptions
{
    public const string Section = "WeChatEmulator";

    [Required]
    public string AppId { get; set; } = "wx0000000000emulator";

    [Required]
    public string AppSecret { get; set; } = "emulator-secret";

    /// <summary>The server-configuration token that signs pushes to <see cref="CallbackUrl"/>.</summary>
    public string Token { get; set; } = "emulator-token";

    /// <summary>Set to push in secure (encrypted) mode.</summary>
    public string? EncodingAesKey { get; set; }

    /// <summary>
    /// Where PUBLISHJOBFINISH pushes go (the account's server URL); a path alone means the server hosting the
    /// emulator; null: no pushes.
    /// </summary>
    public string? CallbackUrl { get; set; }

    /// <summary>Folder of the emulator's SQLite file; its state survives restarts.</summary>
    [Required]
    public string DataPath { get; set; } = "App_Data/wechat-emulator";

    /// <summary>
    /// Map the test controls under <c>/_emulator</c> (faults, revoked tokens, publish outcomes). On when the emulator runs
    /// alone; a site hosting it turns them on only for tests.
    /// </summary>
    public bool TestControls { get; set; } = true;

    [Range(60, 86_400)]
    public int TokenLifetimeSeconds { get; set; } = 7200;

    /// <summary>How long a JS-SDK ticket (<c>ticket/getticket</c>) lives.</summary>
    [Range(60, 86_400)]
    public int TicketLifetimeSeconds { get; set; } = 7200;

    /// <summary>How long a publish job stays at status 1 before it ends.</summary>
    [Range(0, 3600)]
    public double PublishDelaySeconds { get; set; } = 2;

    /// <summary>Calls allowed per API path per day (45009 after that).</summary>
    [Range(1, 10_000_000)]
    public int DailyQuota { get; set; } = 1000;

    /// <summary>
    /// The account's IP whitelist (开发 → 基本配置 → IP白名单). Empty: calls from anywhere; otherwise calls from other
    /// addresses answer 40164, as WeChat does.
    /// </summary>
    public IList<string> IpWhitelist { get; } = [];

    /// <summary>An unverified account: draft/*, freepublish/* and material/add_material answer 48001 "api unauthorized".</summary>
    public bool Unverified { get; set; }

    /// <summary>
    /// Base of published article URLs (the real ones live on mp.weixin.qq.com); point it at the emulator's <c>/s/</c>
    /// (a path alone when the emulator is hosted by the site that links to the articles) to open them here.
    /// </summary>
    public string ArticleBaseUrl { get; set; } = "https://mp.weixin.qq.com/s/";
}
