using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Data.Media;
using PatentWeek.Cms.Delivery;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Media;
using PatentWeek.Cms.Site;

namespace PatentWeek.Cms.WeChat;

/// <summary>
/// A picture as WeChat takes it: a JPEG under 1 MB (<see cref="Path"/>, named by <see cref="Key"/>, which changes when
/// the picture or its focal point does), its address on this site (for the preview), and its cover crops.
/// </summary>
public sealed record WeChatPicture(string Key, string LocalUrl, string Path, string PicCrop2351, string PicCrop11);

/// <summary>One item ready for WeChat: the article, its cover, and a fingerprint of both for "unchanged since".</summary>
public sealed record WeChatPart(ContentItem Item, WeChatArticle Article, WeChatPicture Cover, string Fingerprint);

/// <summary>
/// Builds an item's WeChat article from its published version: the same code makes the admin preview (pictures at
/// their address here) and the payload (pictures at their uploadimg address), so the preview is what is sent.
/// </summary>
public sealed class WeChatRenditions(
    CmsDbContext db, RenditionService renditions, IMediaStore store, ThemeRenderer themes, PublicUrls urls, ImageProcessor images)
{
    private const string DefaultCoverFile = "wechat-cover.jpg";
    private readonly WeChatArticleBuilder _builder = new();

    /// <summary>The item's article with pictures shown from this site.</summary>
    public Task<WeChatPart> PreviewAsync(ContentItem item, CancellationToken cancellationToken) =>
        BuildAsync(item, marker: null, picture => Task.FromResult<string?>(picture.LocalUrl), cancellationToken);

    /// <param name="marker">Added to 阅读原文 (utm_content) so the post can find what it created; null in the preview.</param>
    /// <param name="bodyUrl">The address a body picture gets in the article; null drops it.</param>
    public async Task<WeChatPart> BuildAsync(
        ContentItem item, string? marker, Func<WeChatPicture, Task<string?>> bodyUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(bodyUrl);
        var edition = item.Edition ?? await db.Editions.AsNoTracking().FirstAsync(e => e.Id == item.EditionId, cancellationToken);
        var folder = themes.ThemeFolder(edition.Theme);
        var stylesheet = await File.ReadAllTextAsync(System.IO.Path.Combine(folder, "wechat.css"), cancellationToken);
        var pageUrl = new Uri(urls.BaseUrl, ContentQueries.Url(edition, item.Kind, item.Slug).TrimStart('/'));
        var source = new WeChatSource(item.Title, item.WeChatTitle, item.Summary, item.Html, item.Kind == ContentKind.Video, pageUrl, item.Author);

        var pictures = new List<string>();
        var article = await _builder.BuildAsync(source, stylesheet, async id =>
        {
            if (await PictureAsync(id, cancellationToken) is not { } picture)
                return null;
            pictures.Add(picture.Key);
            return await bodyUrl(picture);
        });
        if (marker is not null)
            article = article with { ContentSourceUrl = $"{pageUrl.AbsoluteUri}?utm_source=wechat&utm_medium=article&utm_content={marker}" };

        var cover = (MediaReferences.IdOf(item.Cover) is { } coverId ? await PictureAsync(coverId, cancellationToken) : null)
            ?? DefaultCover(folder, System.IO.Path.GetFileName(folder));
        return new WeChatPart(item, article, cover, Fingerprint(source, stylesheet, cover, pictures));
    }

    /// <summary>A library image's (or a video's poster's) WeChat picture, rendered first if need be; null when there is none.</summary>
    public async Task<WeChatPicture?> PictureAsync(int mediaId, CancellationToken cancellationToken)
    {
        var asset = await db.MediaAssets.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mediaId && m.Kind != MediaKind.Document, cancellationToken);
        if (asset is null)
            return null;
        var set = RenditionService.Parse(asset.Renditions);
        if (!RenditionService.IsCurrent(asset, set))
        {
            await renditions.EnsureAsync(mediaId, cancellationToken);
            var json = await db.MediaAssets.AsNoTracking().Where(m => m.Id == mediaId).Select(m => m.Renditions).FirstOrDefaultAsync(cancellationToken);
            set = RenditionService.Parse(json);
        }

        if (set?.WeChat is not { } wechat)
            return null;
        var key = wechat.Cover.Url[(MediaKeys.PublicRequestPath.Length + 1)..];
        return new WeChatPicture(key, wechat.Cover.Url, store.PublicPath(key), wechat.PicCrop2351, wechat.PicCrop11);
    }

    /// <summary>The edition theme's cover, for items without one; read once per file version, not per article.</summary>
    private WeChatPicture DefaultCover(string folder, string theme)
    {
        var path = System.IO.Path.Combine(folder, "assets", DefaultCoverFile);
        if (!File.Exists(path))
            path = System.IO.Path.Combine(themes.ThemeFolder(null), "assets", DefaultCoverFile);
        return DefaultCovers.GetOrAdd((path, theme, File.GetLastWriteTimeUtc(path)), key => ReadCover(key.Path, key.Theme));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Path, string Theme, DateTime Written), WeChatPicture> DefaultCovers = new();

    private WeChatPicture ReadCover(string path, string theme)
    {
        var facts = images.Inspect(path);
        var wide = CropMath.ToWeChat(CropMath.Crop(facts.Width, facts.Height, 2.35, 0.5, 0.5), facts.Width, facts.Height);
        var square = CropMath.ToWeChat(CropMath.Crop(facts.Width, facts.Height, 1, 0.5, 0.5), facts.Width, facts.Height);
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))[..16];
        return new WeChatPicture($"theme/{theme}/{hash}.jpg", $"/themes/{theme}/assets/{DefaultCoverFile}", path, wide, square);
    }

    /// <summary>
    /// What the article is made from (not the article, whose picture addresses differ between preview and payload):
    /// the same inputs give the same article, so "unchanged since published" compares these.
    /// </summary>
    private static string Fingerprint(WeChatSource source, string stylesheet, WeChatPicture cover, List<string> pictures)
    {
        var text = string.Join('\u001f', [source.Title, source.WeChatTitle ?? "", source.Summary ?? "", source.Html, source.Author ?? "",
            source.PublicUrl.AbsoluteUri, stylesheet, cover.Key, cover.PicCrop2351, cover.PicCrop11, .. pictures]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
