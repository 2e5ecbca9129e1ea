using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Data.Media;
using PatentWeek.Cms.Delivery;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Media;

namespace PatentWeek.Cms.Site.Feeds;

/// <summary>Which items a feed carries: any of these kinds (all when null), of this city, with any of these tags, but not this item.</summary>
public sealed record FeedScope(IReadOnlyList<ContentKind>? Kinds = null, string? City = null, IReadOnlyList<string>? Tags = null, int? Except = null);

/// <summary>An item as a feed carries it: whole, with absolute addresses only, since a reader shows it away from the site.</summary>
public sealed record FeedEntry(
    string Url, string Title, string? Summary, string Html, string? Author, IReadOnlyList<string> Tags,
    DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, FeedEnclosure? Enclosure);

/// <summary>The cover as a feed enclosure: a video's film, else the cover picture's JPEG.</summary>
public sealed record FeedEnclosure(string Url, string ContentType, long Length);

/// <summary>
/// The newest published items of a feed in three queries whatever their number (items with their tags, the media
/// they show, and nothing per item), read through <see cref="ContentQueries.Published"/>.
/// </summary>
public sealed class FeedQueries(ContentQueries queries, MediaPictures pictures, IMediaStore store, PublicUrls urls)
{
    /// <summary>How many items a feed carries.</summary>
    public const int Size = 50;

    public async Task<IReadOnlyList<FeedEntry>> NewestAsync(Edition edition, FeedScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(scope);
        var query = queries.Published(edition);
        if (scope.Kinds is { } kinds)
            query = query.Where(i => kinds.Contains(i.Kind));
        if (scope.City is { } city)
            query = query.Where(i => i.CityCode == city);
        if (scope.Tags is { } tags)
            query = query.Where(i => i.Tags.Any(t => tags.Contains(t.Name)));
        if (scope.Except is { } except)
            query = query.Where(i => i.Id != except);

        var items = await query
            // Newest first; a published item has its time, but the providers put nulls at opposite ends, so say where.
            .OrderBy(i => i.PublishedAt == null).ThenByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id)
            .Take(Size)
            .Include(i => i.Tags)
            .ToListAsync(cancellationToken);
        var media = await pictures.LoadAsync(items.SelectMany(i => MediaReferences.All(i.Cover, i.Html)).Select(r => r.Id), cancellationToken);
        var parser = new HtmlParser();
        return items.Select(i => new FeedEntry(
            urls.Absolute(ContentQueries.Url(edition, i.Kind, i.Slug)), i.Title, i.Summary,
            Absolute(parser, MediaPictures.Rewrite(i.Html, media)), i.Author,
            [.. i.Tags.Select(t => t.Name).Order(StringComparer.Ordinal)],
            BeijingTime.ToBeijing(i.PublishedAt), BeijingTime.ToBeijing(i.UpdatedAt),
            Enclosure(media.GetValueOrDefault(MediaReferences.IdOf(i.Cover) ?? 0)))).ToList();
    }

    /// <summary>The item's HTML with every root-relative address (images, their srcsets, links, posters) made absolute.</summary>
    private string Absolute(HtmlParser parser, string html)
    {
        if (!html.Contains("=\"/", StringComparison.Ordinal))
            return html;
        using var document = parser.ParseDocument("<body></body>");
        var body = document.Body!;
        body.InnerHtml = html;
        foreach (var element in body.QuerySelectorAll("[src], [href], [poster], [srcset]"))
        {
            foreach (var name in (string[])["src", "href", "poster"])
            {
                if (element.GetAttribute(name) is { } value && IsRootRelative(value))
                    element.SetAttribute(name, urls.Absolute(value));
            }

            if (element.GetAttribute("srcset") is { } srcset)
                element.SetAttribute("srcset", string.Join(", ", srcset.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(candidate => IsRootRelative(candidate) ? urls.Absolute(candidate) : candidate)));
        }

        return body.InnerHtml;
    }

    private static bool IsRootRelative(string value) => value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal);

    private FeedEnclosure? Enclosure(MediaAsset? cover)
    {
        if (cover is null)
            return null;
        if (cover.Kind == MediaKind.Video)
            return new(urls.Absolute(MediaDto.FileUrl(cover, null)), cover.ContentType, cover.Size);
        if (MediaPictures.Picture(cover) is not { } picture)
            return null;
        // The rendered JPEG's size once the job has run; before that, the file on disk if it was rendered on request.
        var rendered = RenditionService.Parse(cover.Renditions)?.Renditions.FirstOrDefault(r => r.Url == picture.Src)?.Size;
        var prefix = MediaKeys.PublicRequestPath + "/";
        var file = picture.Src.StartsWith(prefix, StringComparison.Ordinal) ? new FileInfo(store.PublicPath(picture.Src[prefix.Length..])) : null;
        return new(urls.Absolute(picture.Src), "image/jpeg", rendered ?? (file is { Exists: true } ? file.Length : 0));
    }
}
