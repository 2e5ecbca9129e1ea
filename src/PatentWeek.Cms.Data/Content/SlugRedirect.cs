namespace PatentWeek.Cms.Data.Content;

/// <summary>An old slug of an item. It answers 301 to the item's current address forever: links shared in WeChat never die.</summary>
public class SlugRedirect
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public ContentKind Kind { get; set; }
    public required string Slug { get; set; }
    public int ContentItemId { get; set; }
    public DateTime CreatedAt { get; set; }
}
