using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data.Media;
using PatentWeek.Cms.Media;
using PatentWeek.Cms.Outbox;

namespace PatentWeek.Cms.Content.Import;

/// <summary>
/// Media that content files name by path (<c>cover: media/sample-promo.mp4</c>, the seed's sample film): each file is
/// taken into the library through the upload pipeline (same checks, same store by SHA-256) and the path becomes its
/// library address. A video's poster (<c>X.jpg</c> or <c>X.png</c>) and captions (<c>X.vtt</c>) beside it go with it.
/// The same bytes are found again rather than stored twice, so importing again changes nothing.
/// </summary>
public sealed class ContentMedia(MediaUploader uploader, OutboxWriter outbox)
{
    /// <summary>How a file's value names a file of the content folder rather than a library address.</summary>
    public const string Prefix = "media/";

    private static readonly string[] PosterExtensions = [".jpg", ".png"];

    public static bool IsPath(string? value) => value?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <param name="root">The content folder.</param>
    /// <param name="file">The content file naming the media, relative to the root: the media folder nearest to it is used.</param>
    public async Task<string> AddressOfAsync(string root, ContentFile file, string key, string value, string alt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var name = value[Prefix.Length..];
        if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.StartsWith('.'))
            throw file.Error(key, $"{key} '{value}' must name a file directly in a media folder, like media/promo.mp4");
        var path = Find(root, file.Path, name) ?? throw file.Error(key, $"{key} '{value}': there is no such file in a media folder beside or above the file");

        var asset = await ImportAsync(file, key, path, alt, cancellationToken);
        if (asset.Kind == MediaKind.Video)
        {
            var stem = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path));
            if (PosterExtensions.Select(e => stem + e).FirstOrDefault(File.Exists) is { } poster && asset.PosterId is null)
            {
                // As choosing a poster in the library does: the rendered set is made again with it.
                asset.PosterId = (await ImportAsync(file, key, poster, alt, cancellationToken)).Id;
                asset.RenditionVersion++;
                outbox.Enqueue(RenderMediaHandler.JobType, new RenderMediaJob(asset.Id));
            }

            if (File.Exists(stem + ".vtt") && asset.CaptionsId is null)
                asset.CaptionsId = (await ImportAsync(file, key, stem + ".vtt", null, cancellationToken)).Id;
        }

        return MediaReferences.Address(asset.Id);
    }

    private async Task<MediaAsset> ImportAsync(ContentFile file, string key, string path, string? alt, CancellationToken cancellationToken)
    {
        try
        {
            return await uploader.ImportFileAsync(path, alt, null, Actor.System, cancellationToken);
        }
        catch (MediaRejectedException e)
        {
            throw file.Error(key, $"{Path.GetFileName(path)} is not accepted by the media library: {e.Message}");
        }
    }

    private static string? Find(string root, string filePath, string name)
    {
        var top = Path.GetFullPath(root);
        var folder = Path.GetFullPath(Path.Combine(root, Path.GetDirectoryName(filePath) ?? ""));
        while (folder.StartsWith(top, StringComparison.Ordinal))
        {
            var candidate = Path.Combine(folder, "media", name);
            if (File.Exists(candidate))
                return candidate;
            if (folder == top)
                break;
            folder = Path.GetDirectoryName(folder)!;
        }

        return null;
    }
}
