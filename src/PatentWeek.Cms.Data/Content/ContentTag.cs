namespace PatentWeek.Cms.Data.Content;

/// <summary>A tag on an item. A row per tag keeps "items with tag X" an indexed query on both providers.</summary>
public class ContentTag
{
    public int ContentItemId { get; set; }
    public required string Name { get; set; }
}
