using PatentWeek.Cms.Data.Media;

namespace PatentWeek.Cms.Media;

/// <summary>
/// How media files are named: by the SHA-256 of their bytes (and the pipeline's version for what is rendered from
/// them), so a name never changes what it holds. Shared by every store implementation and by the pages that link files.
/// </summary>
public static class MediaKeys
{
    public const string PublicRequestPath = "/media";

    /// <summary>The public key (path under <c>public/</c>) of a video's original bytes.</summary>
    public static string OriginalKey(MediaKind kind, string sha256, string extension) =>
        $"{(kind == MediaKind.Video ? "v" : "o")}/{sha256[..2]}/{sha256}{extension}";

    /// <summary>The folder key of everything rendered from one original by one version of the pipeline.</summary>
    public static string DerivedFolder(MediaKind kind, string sha256) =>
        $"{(kind == MediaKind.Video ? "v" : "i")}/{sha256[..2]}/{sha256[..16]}-r{ImageProcessor.PipelineVersion}";

    public static string PublicUrl(string key) => $"{PublicRequestPath}/{key}";

    public static string ExtensionOf(string contentType) => contentType switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/webp" => ".webp",
        "image/gif" => ".gif",
        "video/mp4" => ".mp4",
        "application/pdf" => ".pdf",
        DocumentInspector.WebVtt => ".vtt",
        DocumentInspector.Docx => ".docx",
        DocumentInspector.Xlsx => ".xlsx",
        _ => ".bin",
    };
}
