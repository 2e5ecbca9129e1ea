using System.ComponentModel.DataAnnotations;

namespace PatentWeek.Cms.Site.Share;

/// <summary>The WeChat share signature's settings (<c>Cms:Share</c>).</summary>
public sealed class ShareOptions
{
    public const string Section = "Cms:Share";

    /// <summary>
    /// Signatures one client address may ask for per minute. A reader's page asks once per view; a crawler or a
    /// script hammering the endpoint is stopped well before WeChat's getticket ration matters (the ticket is cached).
    /// </summary>
    [Range(1, 100_000)]
    public int SignaturesPerMinute { get; set; } = 30;
}
