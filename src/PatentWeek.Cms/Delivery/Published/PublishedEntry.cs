using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Delivery.Published;

/// <summary>A published item as the read model holds it: the card the public sees, and what lists filter and order by.</summary>
public sealed record PublishedEntry(
    int Id,
    int EditionId,
    ContentKind Kind,
    string? CityCode,
    IReadOnlySet<string> Tags,
    DateTime? PublishedAtUtc,
    DateTime? StartsAtUtc,
    DateTime? EndsAtUtc,
    bool Pinned,
    ContentSummaryDto Summary)
{
    /// <summary>An event is on the days from its start to its end; anything else on the day it was published.</summary>
    public bool IsOnOrAfter(DateTime fromUtc) =>
        Kind == ContentKind.Event ? (EndsAtUtc ?? StartsAtUtc) >= fromUtc : PublishedAtUtc >= fromUtc;

    public bool IsBefore(DateTime beforeUtc) =>
        Kind == ContentKind.Event ? StartsAtUtc < beforeUtc : PublishedAtUtc < beforeUtc;
}
