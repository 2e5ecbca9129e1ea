namespace PatentWeek.Cms.Media;

/// <summary>One derived file: its pixel size, format (webp, jpeg) and public URL.</summary>
public sealed record RenditionFile(int Width, int Height, string Format, string Url, long Size);

/// <summary>
/// What WeChat needs of a cover: the full picture (uploaded as permanent material and used in bodies, JPEG
/// under 1 MB), the crop strings for <c>pic_crop_235_1</c> / <c>pic_crop_1_1</c> normalised to that picture,
/// the same crops as files (for the phone preview), and a thumb JPEG under 64 KB.
/// </summary>
public sealed record WeChatSet(
    RenditionFile Cover,
    string PicCrop2351,
    string PicCrop11,
    RenditionFile Crop2351,
    RenditionFile Crop11,
    RenditionFile Thumb);

/// <summary>
/// Everything rendered from one image (or a video's poster frame), saved as JSON on the media row:
/// responsive widths at the original aspect ratio, the 16:9 card and square thumbnail crops around the
/// focal point, and the WeChat set.
/// </summary>
public sealed record RenditionSet(
    int Version,
    List<RenditionFile> Renditions,
    List<RenditionFile> Card,
    List<RenditionFile> Thumbnail,
    WeChatSet? WeChat)
{
    /// <summary>The media row's <c>RenditionVersion</c> this set was made from.</summary>
    public int Inputs { get; init; }

    /// <summary>A video without a poster: nothing to show until one is uploaded.</summary>
    public static RenditionSet None => new(ImageProcessor.PipelineVersion, [], [], [], null);

    /// <summary>The widest JPEG: the picture's address for those who want one file.</summary>
    public RenditionFile? Largest => Renditions.Where(r => r.Format == "jpeg").MaxBy(r => r.Width);
}
