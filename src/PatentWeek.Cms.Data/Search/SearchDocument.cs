using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Data.Search;

/// <summary>
/// An item as search sees it: its plain text (for snippets) and that text's tokens (for each provider's index), one row
/// per item that is not in the trash. SQLite indexes the token columns in the FTS5 table <c>SearchFts</c>, kept by
/// triggers; PostgreSQL in generated <c>tsvector</c> columns. Both are filled only from here, so they cannot disagree.
/// </summary>
public class SearchDocument
{
    public int ContentItemId { get; set; }
    public int EditionId { get; set; }
    public ContentKind Kind { get; set; }
    public string? CityCode { get; set; }

    /// <summary>Published (the public finds it); otherwise only staff who may see the item do.</summary>
    public bool IsPublic { get; set; }

    public DateTime? PublishedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Body { get; set; } = "";

    public string TitleTokens { get; set; } = "";
    public string SummaryTokens { get; set; } = "";
    public string BodyTokens { get; set; } = "";
}
