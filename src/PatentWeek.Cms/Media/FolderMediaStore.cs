using Microsoft.Extensions.FileProviders;
using PatentWeek.Cms.Data.Media;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Media;

/// <summary>
/// The media store as a folder (<c>&lt;DataPath&gt;/media</c>; a volume every instance mounts when scaled out). Files
/// are named by content hash and written once through a temporary file and a rename, so a reader never sees half a file:
/// <list type="bullet">
/// <item><c>public/</c> is served to anyone as static files with immutable cache headers: renditions, videos, posters;</item>
/// <item><c>originals/</c> is never served directly: image originals (they carry EXIF, GPS included) and documents;</item>
/// <item><c>tmp/</c> holds uploads while they stream in and are checked.</item>
/// </list>
/// </summary>
public sealed class FolderMediaStore : IMediaStore, IDisposable
{
    public FolderMediaStore(CmsPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        Root = Path.GetFullPath(Path.Combine(paths.DataPath, "media"));
        PublicRoot = Path.Combine(Root, "public");
        Directory.CreateDirectory(PublicRoot);
        Directory.CreateDirectory(Path.Combine(Root, "originals"));
        TempFolder = Path.Combine(Root, "tmp");
        Directory.CreateDirectory(TempFolder);
        _publicFiles = new PhysicalFileProvider(PublicRoot);
    }

    private readonly PhysicalFileProvider _publicFiles;

    public IFileProvider PublicFiles => _publicFiles;

    public void Dispose() => _publicFiles.Dispose();

    public string Root { get; }
    public string PublicRoot { get; }

    /// <summary>Uploads in flight; what a killed process left here is swept by <see cref="MediaTempSweeper"/>.</summary>
    public string TempFolder { get; }

    public string NewTempFile() => Path.Combine(TempFolder, Guid.NewGuid().ToString("N"));

    /// <summary>Videos are public (streamed with range requests), the rest private.</summary>
    public string OriginalPath(MediaKind kind, string sha256, string extension) => kind == MediaKind.Video
        ? Path.Combine(PublicRoot, MediaKeys.OriginalKey(kind, sha256, extension))
        : Path.Combine(Root, "originals", sha256[..2], sha256 + extension);

    public string OriginalPath(MediaAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return OriginalPath(asset.Kind, asset.Sha256, MediaKeys.ExtensionOf(asset.ContentType));
    }

    /// <summary>The key's file under <c>public/</c>; a key that would lead outside it names no file there.</summary>
    public string PublicPath(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var path = Path.GetFullPath(Path.Combine(PublicRoot, key.Replace('/', Path.DirectorySeparatorChar)));
        return path.StartsWith(PublicRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException("A media key stays inside the public folder.", nameof(key));
    }

    /// <summary>A rename within the folder's file system: the original appears whole or not at all.</summary>
    public void AdoptOriginal(string checkedFile, MediaKind kind, string sha256, string extension)
    {
        var destination = OriginalPath(kind, sha256, extension);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        MoveOnce(checkedFile, destination);
    }

    /// <summary>
    /// A rename that never replaces: when another writer (an instance on the same volume) put the same key in place
    /// first, its file stays and this one is dropped. The same key holds the same bytes, so either is right.
    /// </summary>
    private static void MoveOnce(string source, string destination)
    {
        try
        {
            File.Move(source, destination, overwrite: false);
        }
        catch (IOException) when (File.Exists(destination))
        {
            File.Delete(source);
        }
    }

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
            MoveOnce(temp, path);
        }
        catch
        {
            // A full disk or a cancelled job: give the space back at once rather than at the next sweep; the job retries.
            File.Delete(temp);
            throw;
        }

        return bytes.Length;
    }

    public void DeleteOriginal(MediaKind kind, string sha256, string contentType)
    {
        var original = OriginalPath(kind, sha256, MediaKeys.ExtensionOf(contentType));
        if (File.Exists(original))
            File.Delete(original);
    }

    public void DeleteAll(MediaKind kind, string sha256, string contentType)
    {
        DeleteOriginal(kind, sha256, contentType);
        var derived = PublicPath(MediaKeys.DerivedFolder(kind, sha256));
        if (Directory.Exists(derived))
            Directory.Delete(derived, recursive: true);
    }
}
