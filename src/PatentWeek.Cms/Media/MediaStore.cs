using Microsoft.Extensions.Options;
using PatentWeek.Cms.Data.Media;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Media;

/// <summary>
/// The media folder (<c>&lt;DataPath&gt;/media</c>; a shared volume when scaled out). Files are named by content
/// hash and written once through a temporary file and a rename, so a reader never sees half a file:
/// <list type="bullet">
/// <item><c>public/</c> is served to anyone as static files with immutable cache headers: renditions, videos, posters;</item>
/// <item><c>originals/</c> is never served directly: image originals (they carry EXIF, GPS included) and documents;</item>
/// <item><c>tmp/</c> holds uploads while they stream in and are checked.</item>
/// </list>
/// </summary>
public sealed class MediaStore
{
    public const string PublicRequestPath = "/media";

    public MediaStore(CmsPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        Root = Path.GetFullPath(Path.Combine(paths.DataPath, "media"));
        PublicRoot = Path.Combine(Root, "public");
        Directory.CreateDirectory(PublicRoot);
        Directory.CreateDirectory(Path.Combine(Root, "originals"));
        TempFolder = Path.Combine(Root, "tmp");
        Directory.CreateDirectory(TempFolder);
    }

    public string Root { get; }
    public string PublicRoot { get; }

    /// <summary>Uploads in flight; what a killed process left here is swept by <see cref="MediaTempSweeper"/>.</summary>
    public string TempFolder { get; }

    public string NewTempFile() => Path.Combine(TempFolder, Guid.NewGuid().ToString("N"));

    /// <summary>Where the original bytes live: videos are public (streamed with range requests), the rest private.</summary>
    public string OriginalPath(MediaKind kind, string sha256, string extension) => kind == MediaKind.Video
        ? Path.Combine(PublicRoot, OriginalKey(kind, sha256, extension))
        : Path.Combine(Root, "originals", sha256[..2], sha256 + extension);

    public string OriginalPath(MediaAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return OriginalPath(asset.Kind, asset.Sha256, ExtensionOf(asset.ContentType));
    }

    /// <summary>The public key (path under <c>public/</c>) of a video's original bytes.</summary>
    public static string OriginalKey(MediaKind kind, string sha256, string extension) =>
        $"{(kind == MediaKind.Video ? "v" : "o")}/{sha256[..2]}/{sha256}{extension}";

    /// <summary>The folder key of everything rendered from one original by one version of the pipeline.</summary>
    public static string DerivedFolder(MediaKind kind, string sha256) =>
        $"{(kind == MediaKind.Video ? "v" : "i")}/{sha256[..2]}/{sha256[..16]}-r{ImageProcessor.PipelineVersion}";

    public static string PublicUrl(string key) => $"{PublicRequestPath}/{key}";

    public string PublicPath(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Path.GetFullPath(Path.Combine(PublicRoot, key.Replace('/', Path.DirectorySeparatorChar)));
    }

    /// <summary>Moves a checked upload into place; when the same bytes are already stored, the upload is dropped.</summary>
    public void Adopt(string tempFile, string destination)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        if (File.Exists(destination))
        {
            File.Delete(tempFile);
            return;
        }

        File.Move(tempFile, destination, overwrite: true);
    }

    /// <summary>Writes a derived file once; a second writer of the same key keeps the first file.</summary>
    public async Task<long> WriteOnceAsync(string key, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var path = PublicPath(key);
        if (File.Exists(path))
            return new FileInfo(path).Length;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = NewTempFile();
        try
        {
            await File.WriteAllBytesAsync(temp, bytes, cancellationToken);
            File.Move(temp, path, overwrite: true);
        }
        catch (IOException)
        {
            // A full disk: give the space back at once rather than at the next sweep; the job that wanted it retries.
            File.Delete(temp);
            throw;
        }

        return bytes.Length;
    }

    public void DeleteOriginal(MediaKind kind, string sha256, string contentType)
    {
        var original = OriginalPath(kind, sha256, ExtensionOf(contentType));
        if (File.Exists(original))
            File.Delete(original);
    }

    /// <summary>Removes the stored files of an original nobody uses any more.</summary>
    public void DeleteAll(MediaKind kind, string sha256, string contentType)
    {
        DeleteOriginal(kind, sha256, contentType);
        var derived = PublicPath(DerivedFolder(kind, sha256));
        if (Directory.Exists(derived))
            Directory.Delete(derived, recursive: true);
    }

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
