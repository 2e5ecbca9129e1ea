using PatentWeek.Cms.Delivery;

namespace PatentWeek.Cms.Search;

/// <summary>A search result: the item's card, and the passage where the query was found.</summary>
public sealed record SearchHitDto : ContentSummaryDto
{
    public SearchHitDto(ContentSummaryDto summary, string snippet)
        : base(summary) => Snippet = snippet;

    /// <summary>HTML: the passage around the first hit, encoded, each occurrence of a query term in one <c>&lt;mark&gt;</c>.</summary>
    [System.Text.Json.Serialization.JsonPropertyOrder(1)]
    public string Snippet { get; }
}

/// <summary>
/// A page of results, as <c>/api/v1/content</c> pages its items, with how many results each kind has (whatever the
/// <c>kind</c> filter: the counts the site shows as filters).
/// </summary>
public sealed record SearchPageDto(IReadOnlyList<SearchHitDto> Items, int Page, int PageSize, int Total, IReadOnlyDictionary<string, int> Kinds);
