namespace PatentWeek.Cms.SiteHealth;

/// <summary>How bad a finding is, in the words of the quarterly inspection (政府网站与政务新媒体检查指标).</summary>
public enum HealthSeverity
{
    /// <summary>提示: worth doing, not scored.</summary>
    Notice,

    /// <summary>警告: scored against the site, or about to become a veto.</summary>
    Warning,

    /// <summary>严重: a veto item (单项否决) or a broken page a visitor hits.</summary>
    Error,
}

/// <summary>What the report checks; each finding belongs to one.</summary>
public enum HealthCheck
{
    HomeUpdated,
    ColumnEmpty,
    ColumnIdle,
    TopicEnded,
    BrokenLink,
    ExternalLink,
    WeChatIdle,
}

/// <summary>
/// One finding: its severity, a Chinese message, where to fix it (an admin page, or the public page when the
/// fix is on it) and, for a link, the page it was found on.
/// </summary>
public sealed record HealthFinding(HealthSeverity Severity, HealthCheck Check, string Message, string FixUrl, string? FoundOn = null)
{
    public string SeverityLabel => Label(Severity);

    public static string Label(HealthSeverity severity) => severity switch
    {
        HealthSeverity.Error => "严重",
        HealthSeverity.Warning => "警告",
        _ => "提示",
    };
}

/// <summary>A whole run: when it ran, what it found (worst first) and how much it crawled.</summary>
public sealed record SiteHealthReport(DateTimeOffset At, IReadOnlyList<HealthFinding> Findings, int PagesCrawled, int LinksChecked, bool CrawlCapped)
{
    public bool HasErrors => Findings.Any(f => f.Severity == HealthSeverity.Error);

    public int Count(HealthSeverity severity) => Findings.Count(f => f.Severity == severity);
}
