using Microsoft.Extensions.FileProviders;
using PatentWeek.Cms.Data.Media;

namespace PatentWeek.Cms.Media;

/// <summary>
/// Where media bytes live. Every file is named by its content (<see cref="MediaKeys"/>), written once and never changed,
/// so instances can share the store without coordination: the same key always holds the same bytes. Public keys (a
/// video, renditions, posters) are served under <c>/media</c> by <see cref="PublicFiles"/>; originals of images and
/// documents never are. <see cref="FolderMediaStore"/> is the implementation (a local folder, or a volume every
/// instance mounts); what an object store would need to implement it is in <c>docs/deploy.md</c>.
/// </summary>
public interface IMediaStore
{
    /// <summary>Scratch space on this machine for uploads while they stream in and are checked, and for ffmpeg's frames.</summary>
    string TempFolder { get; }

    string NewTempFile();

    /// <summary>What <c>/media</c> serves: the public keys, with range requests for videos.</summary>
    IFileProvider PublicFiles { get; }

    /// <summary>A file on this machine with an original's bytes, for the decoders (SkiaSharp, ffmpeg) and downloads.</summary>
    string OriginalPath(MediaKind kind, string sha256, string extension);

    string OriginalPath(MediaAsset asset);

    /// <summary>A file on this machine with a public key's bytes (a rendition sent to WeChat, a feed's enclosure size).</summary>
    string PublicPath(string key);

    /// <summary>Takes a checked upload in as an original; when the same bytes are already stored, the upload is dropped.</summary>
    void AdoptOriginal(string checkedFile, MediaKind kind, string sha256, string extension);

    /// <summary>Writes a derived public file once; a second writer of the same key keeps the first file.</summary>
    Task<long> WriteOnceAsync(string key, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);

    void DeleteOriginal(MediaKind kind, string sha256, string contentType);

    /// <summary>Removes the stored files of an original nobody uses any more, and everything rendered from it.</summary>
    void DeleteAll(MediaKind kind, string sha256, string contentType);
}
