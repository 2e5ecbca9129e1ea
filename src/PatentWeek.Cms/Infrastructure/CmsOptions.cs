using System.ComponentModel.DataAnnotations;

namespace PatentWeek.Cms.Infrastructure;

public enum CmsMode
{
    /// <summary>A fresh clone: SQLite, migrations at start-up, sample content, demo conveniences.</summary>
    Embedded,

    /// <summary>Each convenience only when configured one by one.</summary>
    Production,
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>The <c>Cms</c> configuration section, validated at start-up.</summary>
public sealed class CmsOptions
{
    public const string Section = "Cms";

    public CmsMode Mode { get; set; } = CmsMode.Embedded;

    /// <summary>Data folder (SQLite file, media, keys). Relative paths are under the content root.</summary>
    [Required]
    public string DataPath { get; set; } = "App_Data";

    /// <summary>The site's public address (feeds, WeChat links, jobs). Null: the first listening URL.</summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// The prefix the site is mounted under, e.g. <c>/zlz</c> for a 专栏 under the office's portal: every page, link,
    /// asset, feed and sitemap URL carries it, and only the health endpoints answer outside it. Null: the root.
    /// </summary>
    public string? PathBase { get; set; }

    /// <summary>Seed content folder; null: the <c>content/</c> folder of the source tree, found upwards.</summary>
    public string? ContentPath { get; set; }

    /// <summary>Themes folder; null: the <c>themes/</c> folder of the source tree, found upwards.</summary>
    public string? ThemesPath { get; set; }

    public DatabaseOptions Database { get; set; } = new();

    /// <summary>
    /// <c>Cms:Redis</c>: a StackExchange.Redis connection string (<c>host:port[,password=…]</c>) when several instances
    /// serve the site; they then share the output cache, WeChat credentials and sign-in limits, and tell each other of
    /// changes. Null: one instance, everything in the process.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed.</summary>
    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    /// <summary>The Prometheus scrape endpoint; off unless a port is given.</summary>
    public MetricsOptions Metrics { get; set; } = new();

    public OutboxOptions Outbox { get; set; } = new();

    public SeedOptions Seed { get; set; } = new();

    /// <summary>The site's identity (<c>Cms:Site:SiteName</c> etc.): each value set here wins over the seed and the admin.</summary>
    public SiteOptions Site { get; set; } = new();

    /// <summary>Create one demo account per role on a first start without users; null: embedded mode with samples.</summary>
    public bool? DemoAccounts { get; set; }

    public bool CreateDemoAccounts => DemoAccounts ?? (Mode == CmsMode.Embedded && LoadSamples);

    /// <summary>Sign-in attempts (admin form and token requests) allowed per client address per minute.</summary>
    [Range(1, 100_000)]
    public int SignInAttemptsPerMinute { get; set; } = 20;

    /// <summary>Apply migrations at start-up: configured, or on in the embedded mode only.</summary>
    public bool MigrateAtStartup => Database.Migrate ?? Mode == CmsMode.Embedded;

    /// <summary>Load <c>content/samples</c>: configured, or on in the embedded mode only.</summary>
    public bool LoadSamples => Seed.Samples ?? Mode == CmsMode.Embedded;

    /// <summary>Import the seed campaign at start-up: configured, or on in the embedded mode only.</summary>
    public bool SeedAtStartup => Seed.Enabled ?? Mode == CmsMode.Embedded;
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public bool? Migrate { get; set; }
}

/// <summary>
/// <c>Cms:ForwardedHeaders</c>: the addresses (<c>KnownProxies</c>, e.g. <c>127.0.0.1</c>) and networks
/// (<c>KnownNetworks</c>, e.g. <c>10.0.0.0/8</c>) of the proxies in front. A forwarded header from any other address is
/// ignored; with neither set, every one is.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public IList<string> KnownProxies { get; } = [];
    public IList<string> KnownNetworks { get; } = [];

    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

/// <summary>
/// <c>Cms:Metrics:Port</c>: the port whose <c>/metrics</c> answers Prometheus; add it to the listening URLs on an
/// address the proxy does not forward to (<c>http://127.0.0.1:9464</c>). Requests are told apart by the port they
/// arrived on, never by their Host header, so the public cannot reach it through the site's own port.
/// </summary>
public sealed class MetricsOptions
{
    [Range(1, 65535)]
    public int? Port { get; set; }
}

public sealed class OutboxOptions
{
    /// <summary>How long a claimed job is held without a heartbeat before another instance may take it over.</summary>
    [Range(5, 3600)]
    public int LeaseSeconds { get; set; } = 120;
}

public sealed class SeedOptions
{
    public bool? Enabled { get; set; }
    public bool? Samples { get; set; }
}

/// <summary>
/// <c>Cms:Site:*</c>: the government-website identity values an operator may pin in configuration (names as in
/// <see cref="PatentWeek.Cms.Site.SiteIdentityFields"/>); each one set here is shown read-only in the admin.
/// </summary>
public sealed class SiteOptions
{
    public string? SiteName { get; set; }
    public string? Domain { get; set; }
    public string? Sponsor { get; set; }
    public string? Organizer { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? SiteCode { get; set; }
    public string? IcpNumber { get; set; }
    public string? PublicSecurityNumber { get; set; }
}
