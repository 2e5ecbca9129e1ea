using System.ComponentModel.DataAnnotations;

namespace PatentWeek.Cms.SiteHealth;

/// <summary>
/// <c>Cms:SiteHealth</c>: the thresholds come from the inspection rules (the home page and the WeChat account
/// are vetoed at two weeks without an update, so the report warns at ten days); the crawl's bounds keep a run
/// to seconds on a campaign site of a few hundred pages.
/// </summary>
public sealed class SiteHealthOptions
{
    public const string Section = "Cms:SiteHealth";

    /// <summary>The site the crawl starts at; empty means the site's own public address (<c>Cms:PublicBaseUrl</c>).</summary>
    public string? CrawlBaseUrl { get; set; }

    [Range(1, 10_000)] public int MaxPages { get; set; } = 1000;
    [Range(1, 32)] public int Concurrency { get; set; } = 4;
    [Range(1, 32)] public int ExternalConcurrency { get; set; } = 4;
    [Range(1, 120)] public int ExternalTimeoutSeconds { get; set; } = 5;

    /// <summary>How long the admin page lets one run take before it stops and reports what it has.</summary>
    [Range(5, 600)] public int RunTimeoutSeconds { get; set; } = 60;

    [Range(1, 60)] public int HomeWarningDays { get; set; } = 10;
    [Range(1, 60)] public int HomeErrorDays { get; set; } = 14;
    [Range(1, 60)] public int ColumnIdleDays { get; set; } = 14;
    [Range(1, 60)] public int WeChatWarningDays { get; set; } = 10;
    [Range(1, 60)] public int WeChatErrorDays { get; set; } = 14;

    /// <summary>How long after its edition's week a topic without an end date of its own stays current.</summary>
    [Range(0, 365)] public int TopicGraceDays { get; set; } = 30;
}
