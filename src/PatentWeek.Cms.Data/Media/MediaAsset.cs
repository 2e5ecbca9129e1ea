namespace PatentWeek.Cms.Data.Media;

/// <summary>
/// One uploaded file in the media library. The bytes live in the media store under their SHA-256, so the same
/// file uploaded twice is stored once; each upload still gets its own row (its own alt text, city and usage).
/// </summary>
public class MediaAsset : ICityOwned
{
    public int Id { get; set; }
    public MediaKind Kind { get; set; }

    /// <summary>Decided from the file's bytes, never from its name or the client's header.</summary>
    public required string ContentType { get; set; }

    /// <summary>Lower-case hex SHA-256 of the original bytes: the store's key.</summary>
    public required string Sha256 { get; set; }
    public long Size { get; set; }

    /// <summary>The uploader's file name, sanitised; metadata only, never part of a path.</summary>
    public required string OriginalName { get; set; }
    public string? Title { get; set; }

    /// <summary>Alternative text; an item cannot be published while an image it shows has none.</summary>
    public string? Alt { get; set; }

    /// <summary>Pixel size after EXIF orientation (images), or the video's frame size when known.</summary>
    public int? Width { get; set; }
    public int? Height { get; set; }
    public double? DurationSeconds { get; set; }

    /// <summary>Where fixed-ratio crops are centred, 0..1 from the top-left; the centre by default.</summary>
    public double FocalX { get; set; } = 0.5;
    public double FocalY { get; set; } = 0.5;

    /// <summary>An image from the library shown before a video plays, when ffmpeg cannot take a frame.</summary>
    public int? PosterId { get; set; }

    /// <summary>A WebVTT file from the library with the video's Chinese captions, shown as the player's caption track.</summary>
    public int? CaptionsId { get; set; }

    /// <summary>The uploader's city (city contributors); documents are visible only to that city and the office.</summary>
    public string? CityCode { get; set; }
    public string? UploadedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The rendered set (renditions, crops, WeChat set, poster) as JSON; null until the job has run.</summary>
    public string? Renditions { get; set; }

    /// <summary>Bumped whenever the inputs of the rendered set change (focal point, poster), to make the job redo it.</summary>
    public int RenditionVersion { get; set; }
    public int Version { get; set; }
}
