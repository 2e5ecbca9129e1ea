using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Site;

/// <summary>Where a value of the site's identity comes from; configuration wins over the administrator, who wins over the seed.</summary>
public enum SiteValueSource
{
    None,
    SeedFile,
    Administrator,
    Configuration,
}

/// <summary>
/// The site's identity as the theme reads it (<c>identity</c> on every page): footer, gov <c>&lt;meta&gt;</c> fields and the
/// page title. <see cref="Columns"/> names each kind's column (栏目) by its registry label, for <c>ColumnName</c>.
/// </summary>
public sealed record SiteIdentityDto(
    string SiteName, string? Domain, string? Sponsor, string? Organizer, string? Address, string? Phone, string? Email,
    string? SiteCode, string? IcpNumber, string? PublicSecurityNumber)
{
    /// <summary>The MIIT record system the ICP备案号 links to.</summary>
    public const string IcpRecordUrl = "https://beian.miit.gov.cn/";

    public IReadOnlyDictionary<string, string> Columns { get; } = ContentTypes.All.ToDictionary(t => t.Name, t => t.Label);

    public string IcpUrl => IcpRecordUrl;

    /// <summary>The public-security record of the number (the record code is its digits).</summary>
    public string? PublicSecurityUrl => PublicSecurityNumber is { } number && new string(number.Where(char.IsAsciiDigit).ToArray()) is { Length: > 0 } code
        ? "https://beian.mps.gov.cn/#/query/webSearch?code=" + code
        : null;

    /// <summary>
    /// The name a page or feed of <paramref name="edition"/> is titled with: the site's own name for the current edition
    /// (and for a page of no edition), an older edition's own (第12届中国专利周) for its pages under <c>/12/…</c>.
    /// </summary>
    public string NameOf(Edition? edition) =>
        edition is { IsCurrent: false } ? $"第{edition.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)}届中国专利周" : SiteName;

    /// <summary>The organisation that publishes the site (主办单位), as feeds and JSON-LD name it.</summary>
    public string Publisher => Sponsor ?? SiteName;

    /// <summary>Whether a registration number is still the seed's marked placeholder.</summary>
    public bool HasPlaceholders =>
        SiteIdentityFields.IsPlaceholder(SiteCode) || SiteIdentityFields.IsPlaceholder(IcpNumber) || SiteIdentityFields.IsPlaceholder(PublicSecurityNumber);
}

/// <summary>The identity with where each value came from (for the admin page).</summary>
public sealed record SiteIdentityState(
    SiteIdentityDto Identity, IReadOnlyDictionary<string, string?> Values, IReadOnlyDictionary<string, SiteValueSource> Sources, SiteIdentityRecord? Stored);

/// <summary>
/// The site's identity: the stored row (seed or administrator) under the <c>Cms:Site:*</c> values. Read once and kept
/// in memory (every public page shows it); <see cref="Invalidate"/> after a save reads it again.
/// </summary>
public sealed class SiteIdentity
{
    /// <summary>What <see cref="Invalidate"/> tells the other instances (<see cref="ScaleOut.InstanceSignals"/>).</summary>
    private const string Signal = "site-identity";

    private readonly IServiceScopeFactory scopes;
    private readonly IOptions<CmsOptions> options;
    private readonly ScaleOut.InstanceSignals _signals;

    public SiteIdentity(IServiceScopeFactory scopes, IOptions<CmsOptions> options, ScaleOut.InstanceSignals signals)
    {
        this.scopes = scopes;
        this.options = options;
        _signals = signals;
        signals.On(Signal, Forget);
    }

    /// <summary>The name shown before any is set anywhere (a database without the seed).</summary>
    public const string FallbackName = "中国专利周";

    private volatile SiteIdentityState? _current;
    private long _generation;

    public async Task<SiteIdentityDto> CurrentAsync(CancellationToken cancellationToken = default) =>
        (await StateAsync(cancellationToken)).Identity;

    public async Task<SiteIdentityState> StateAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } current)
            return current;
        var generation = Interlocked.Read(ref _generation);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var row = await db.SiteIdentity.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SiteIdentityRecord.SingleRow, cancellationToken);
        var read = Combine(row, options.Value.Site);
        // Kept only if no save came in while it was read: an older row must not undo that save's Invalidate.
        if (Interlocked.Read(ref _generation) == generation)
            _current = read;
        return read;
    }

    /// <summary>Forgets the identity here and on the other instances: the next reader reads the row again.</summary>
    public void Invalidate()
    {
        Forget();
        _signals.Send(Signal);
    }

    private void Forget()
    {
        Interlocked.Increment(ref _generation);
        _current = null;
    }

    /// <summary>Configuration wins over the row; the row's values are the administrator's once one saved it, else the seed's.</summary>
    public static SiteIdentityState Combine(SiteIdentityRecord? row, SiteOptions configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var values = new Dictionary<string, string?>();
        var sources = new Dictionary<string, SiteValueSource>();
        foreach (var field in SiteIdentityFields.All)
        {
            var (value, source) = SiteIdentityFields.Clean(field.Configured(configured)) is { } set
                ? (set, SiteValueSource.Configuration)
                : row is not null && SiteIdentityFields.Clean(field.Get(row)) is { } stored
                    ? (stored, row.EditedByAdministrator ? SiteValueSource.Administrator : SiteValueSource.SeedFile)
                    : (null, SiteValueSource.None);
            values[field.Name] = value;
            sources[field.Name] = source;
        }

        var identity = new SiteIdentityDto(
            values["SiteName"] ?? FallbackName, values["Domain"], values["Sponsor"], values["Organizer"], values["Address"],
            values["Phone"], values["Email"], values["SiteCode"], values["IcpNumber"], values["PublicSecurityNumber"]);
        return new(identity, values, sources, row);
    }
}
