namespace PatentWeek.Cms.Data.Media;

/// <summary>
/// "Item X shows media Y", kept up to date on every save of the item (its live version and its working copy),
/// so that deleting media in use can be refused and each media item can list where it is used.
/// </summary>
public class MediaUsage
{
    public int MediaAssetId { get; set; }
    public int ContentItemId { get; set; }

    /// <summary>cover or body.</summary>
    public required string Field { get; set; }
}
