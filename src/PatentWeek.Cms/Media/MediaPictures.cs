using System.Globalization;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Media;

namespace PatentWeek.Cms.Media;

/// <summary>A fixed-ratio crop as an <c>img</c> needs it: the smallest file as <c>src</c>, all of them in <c>srcset</c>.</summary>
public sealed record CropDto(int Width, int Height, string Src, string Srcset);

/// <summary>
/// A library picture for the delivery API and the theme: size (so the page does not jump while it loads), alt
/// text, JPEG <c>src</c>/<c>srcset</c> with a WebP <c>srcset</c> for a <c>&lt;picture&gt;</c>, and the 16:9 card and
/// square thumbnail crops around the focal point once they are rendered.
/// </summary>
public sealed record PictureDto(string Alt, int Width, int Height, string Src, string Srcset, string WebpSrcset, CropDto? Card, CropDto? Thumbnail);

/// <summary>Turns media addresses in content (<c>/media/{id}</c>) into responsive pictures when a page or API answer is built.</summary>
public sealed class MediaPictures(CmsDbContext db)
{
    /// <summary>The widths the site asks for: the column is at most 760 px wide, the whole screen on a phone.</summary>
    public const string Sizes = "(min-width: 760px) 728px, 100vw";

    public async Task<Dictionary<int, MediaAsset>> LoadAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
            return [];
        return await db.MediaAssets.AsNoTracking().Where(m => wanted.Contains(m.Id) && m.Kind != MediaKind.Document)
            .ToDictionaryAsync(m => m.Id, cancellationToken);
    }

    /// <summary>The picture of an image, or of a video's poster; null when there is nothing to show yet.</summary>
    public static PictureDto? Picture(MediaAsset? asset, string? alt = null)
    {
        if (asset is null)
            return null;
        var set = RenditionService.Parse(asset.Renditions);
        List<RenditionFile> jpeg, webp;
        if (asset.Kind == MediaKind.Image)
        {
            // Known before the job runs (names follow from the original's hash and width); rendered on first request.
            var folder = MediaKeys.DerivedFolder(asset.Kind, asset.Sha256);
            var width = asset.Width ?? 0;
            var height = asset.Height ?? 0;
            var widths = ImageProcessor.ResponsiveWidths(width);
            jpeg = [.. widths.Select(w => Planned(folder, w, width, height, "jpg"))];
            webp = [.. widths.Select(w => Planned(folder, w, width, height, "webp"))];
        }
        else if (set is { Renditions.Count: > 0 })
        {
            jpeg = [.. set.Renditions.Where(r => r.Format == "jpeg")];
            webp = [.. set.Renditions.Where(r => r.Format == "webp")];
        }
        else
        {
            return null;
        }

        var src = jpeg.LastOrDefault(r => r.Width <= 960) ?? jpeg[0];
        var current = RenditionService.IsCurrent(asset, set) ? set : null;
        return new PictureDto(
            alt is { Length: > 0 } ? alt : asset.Alt ?? "", src.Width, src.Height, src.Url, Srcset(jpeg), Srcset(webp),
            Crop(current?.Card), Crop(current?.Thumbnail));
    }

    /// <summary>
    /// Rewrites each <c>&lt;img src="/media/{id}"&gt;</c> of sanitised HTML into a <c>&lt;picture&gt;</c> with WebP and JPEG
    /// sources, width and height, lazy loading, and the library's alt text where the Markdown gave none.
    /// </summary>
    public static string Rewrite(string html, IReadOnlyDictionary<int, MediaAsset> assets)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(assets);
        if (assets.Count == 0 || !html.Contains("/media/", StringComparison.Ordinal))
            return html;
        var parser = new HtmlParser();
        using var document = parser.ParseDocument("<body></body>");
        var body = document.Body!;
        body.InnerHtml = html;
        foreach (var img in body.QuerySelectorAll("img").ToList())
        {
            if (MediaReferences.IdOf(img.GetAttribute("src")) is not { } id
                || !assets.TryGetValue(id, out var asset)
                || Picture(asset, img.GetAttribute("alt")) is not { } picture)
                continue;
            var element = document.CreateElement("picture");
            var source = document.CreateElement("source");
            source.SetAttribute("type", "image/webp");
            source.SetAttribute("srcset", picture.WebpSrcset);
            source.SetAttribute("sizes", Sizes);
            element.AppendChild(source);
            var fallback = document.CreateElement("img");
            fallback.SetAttribute("src", picture.Src);
            fallback.SetAttribute("srcset", picture.Srcset);
            fallback.SetAttribute("sizes", Sizes);
            fallback.SetAttribute("width", picture.Width.ToString(CultureInfo.InvariantCulture));
            fallback.SetAttribute("height", picture.Height.ToString(CultureInfo.InvariantCulture));
            fallback.SetAttribute("alt", picture.Alt);
            fallback.SetAttribute("loading", "lazy");
            fallback.SetAttribute("decoding", "async");
            element.AppendChild(fallback);
            img.Replace(element);
        }

        return body.InnerHtml;
    }

    private static RenditionFile Planned(string folder, int width, int originalWidth, int originalHeight, string extension) => new(
        width, ImageProcessor.HeightAt(width, originalWidth, originalHeight),
        extension == "jpg" ? "jpeg" : extension, MediaKeys.PublicUrl(ImageProcessor.RenditionKey(folder, width, extension)), 0);

    private static string Srcset(IEnumerable<RenditionFile> files) =>
        string.Join(", ", files.Select(f => FormattableString.Invariant($"{f.Url} {f.Width}w")));

    private static CropDto? Crop(List<RenditionFile>? files) => files is { Count: > 0 }
        ? new CropDto(files[0].Width, files[0].Height, files[0].Url, Srcset(files))
        : null;
}
