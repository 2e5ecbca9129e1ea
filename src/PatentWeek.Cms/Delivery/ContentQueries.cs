using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Import;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Media;

namespace PatentWeek.Cms.Delivery;

/// <summary>
/// Reads published content as delivery DTOs, for the API and the site alike. Nothing that is not
/// published ever leaves this class.
/// </summary>
public sealed class ContentQueries(CmsDbContext db, MediaPictures pictures)
{
    public Task<Edition?> CurrentEditionAsync(CancellationToken cancellationToken = default) =>
        db.Editions.AsNoTracking()
            .OrderByDescending(e => e.IsCurrent).ThenByDescending(e => e.Number)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The numbered edition, or the current one when <paramref name="number"/> is null.</summary>
    public Task<Edition?> EditionAsync(int? number, CancellationToken cancellationToken = default) =>
        number is { } n
            ? db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Number == n, cancellationToken)
            : CurrentEditionAsync(cancellationToken);

    public static SiteDto ToSite(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        return new SiteDto(edition.Number, edition.Year, edition.Slogan, edition.WeekStart, edition.WeekEnd,
            edition.PlanDeadline, edition.ReportDeadline, edition.Theme);
    }

    public async Task<IReadOnlyList<CityDto>> CitiesAsync(CancellationToken cancellationToken = default)
    {
        var cities = await db.Cities.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(cancellationToken);
        return cities.Select(c => new CityDto(c.Code, c.Name, CampaignFileReader.CityKindLabel(c.Kind), c.MinimumEvents)).ToList();
    }

    /// <summary>
    /// Published items of one edition, newest first (pinned first when asked, as the home page does); events
    /// alone come in the order they take place, by their start.
    /// </summary>
    public async Task<PagedDto<ContentSummaryDto>> ListAsync(
        Edition edition, ContentFilter filter, bool pinnedFirst = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(filter);
        var query = Published(edition);
        if (filter.Kind is { } kind)
            query = query.Where(i => i.Kind == kind);
        if (filter.City is { } city)
            query = query.Where(i => i.CityCode == city);
        if (filter.Tag is { } tag)
            query = query.Where(i => i.Tags.Any(t => t.Name == tag));
        // An event is on a day from its start to its end; anything else on the day it was published.
        if (filter.FromUtc is { } from)
            query = query.Where(i => (i.Kind == ContentKind.Event && (i.EndsAt ?? i.StartsAt) >= from) || (i.Kind != ContentKind.Event && i.PublishedAt >= from));
        if (filter.BeforeUtc is { } before)
            query = query.Where(i => (i.Kind == ContentKind.Event && i.StartsAt < before) || (i.Kind != ContentKind.Event && i.PublishedAt < before));

        var total = await query.CountAsync(cancellationToken);
        var ordered = filter.Kind == ContentKind.Event
            ? query.OrderBy(i => i.StartsAt == null).ThenBy(i => i.StartsAt).ThenBy(i => i.Id)
            : pinnedFirst
                ? query.OrderByDescending(i => i.IsPinned).ThenByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id)
                : query.OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id);
        var rows = await ordered
            .Skip((filter.Page - 1) * filter.PageSize)
            .Take(filter.PageSize)
            .Select(i => new
            {
                i.Kind, i.Slug, i.Title, i.Summary, i.CityCode, CityName = i.City!.Name, i.PublishedAt, i.Cover,
                Tags = i.Tags.Select(t => t.Name).ToList(), i.IsPinned, i.IsSample, i.StartsAt, i.EndsAt, i.Location,
            })
            .ToListAsync(cancellationToken);

        var covers = await pictures.LoadAsync(rows.Select(r => MediaReferences.IdOf(r.Cover) ?? 0), cancellationToken);
        var items = rows.Select(r => new ContentSummaryDto(
            r.Kind.ToName(), r.Slug, r.Title, r.Summary, CityRef(r.CityCode, r.CityName), BeijingTime.ToBeijing(r.PublishedAt), r.Cover,
            [.. r.Tags.Order(StringComparer.Ordinal)], r.IsPinned, r.IsSample, Url(edition, r.Kind, r.Slug))
        {
            CoverImage = MediaPictures.Picture(covers.GetValueOrDefault(MediaReferences.IdOf(r.Cover) ?? 0)),
            Event = r.Kind == ContentKind.Event ? EventDetails(r.StartsAt, r.EndsAt, r.Location) : null,
        }).ToList();
        return new PagedDto<ContentSummaryDto>(items, filter.Page, filter.PageSize, total);
    }

    public async Task<ContentDto?> GetAsync(Edition edition, ContentKind kind, string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var item = await Published(edition)
            .Include(i => i.City)
            .Include(i => i.Tags)
            .FirstOrDefaultAsync(i => i.Kind == kind && i.Slug == slug, cancellationToken);
        if (item is null)
            return null;

        var details = item.Kind == ContentKind.Event ? EventDetails(item.StartsAt, item.EndsAt, item.Location) : null;
        var media = await pictures.LoadAsync(MediaReferences.All(item.Cover, item.Html).Select(r => r.Id), cancellationToken);
        return WithMedia(ContentDto.Of(
            ContentFields.From(item, edition.Number), MediaPictures.Rewrite(item.Html, media), CityRef(item.CityCode, item.City?.Name),
            BeijingTime.ToBeijing(item.PublishedAt), BeijingTime.ToBeijing(item.UpdatedAt), details, Url(edition, item.Kind, item.Slug)), media)
            with { WeChatUrl = item.WeChatUrl };
    }

    /// <summary>
    /// An item as a preview link shows it, published or not: its editable version (the working copy of a
    /// published item). Only for ids read from a valid preview token. Deleted items are not previewed.
    /// </summary>
    public async Task<ContentDto?> PreviewAsync(int id, CancellationToken cancellationToken = default)
    {
        var item = await db.ContentItems.AsNoTracking().Include(i => i.Edition).Include(i => i.City).Include(i => i.Tags)
            .FirstOrDefaultAsync(i => i.Id == id && i.DeletedAt == null, cancellationToken);
        if (item is null)
            return null;
        var copy = WorkingCopy.Of(item);
        var f = copy?.Fields ?? ContentFields.From(item, item.Edition.Number);
        var cityName = f.City == item.CityCode ? item.City?.Name : await db.Cities.Where(c => c.Code == f.City).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        var details = item.Kind == ContentKind.Event ? EventDetails(f.StartsAt, f.EndsAt, f.Location) : null;
        var media = await pictures.LoadAsync(MediaReferences.All(f.Cover, copy?.Html ?? item.Html).Select(r => r.Id), cancellationToken);
        return WithMedia(ContentDto.Of(
            f with { Kind = item.Kind, Edition = item.Edition.Number }, MediaPictures.Rewrite(copy?.Html ?? item.Html, media), CityRef(f.City, cityName),
            BeijingTime.ToBeijing(item.PublishedAt), BeijingTime.ToBeijing(item.UpdatedAt), details, Url(item.Edition, item.Kind, f.Slug)), media);
    }

    /// <summary>Adds the cover picture and, for a video cover, the film itself.</summary>
    private static ContentDto WithMedia(ContentDto dto, Dictionary<int, Data.Media.MediaAsset> media)
    {
        var cover = media.GetValueOrDefault(MediaReferences.IdOf(dto.Cover) ?? 0);
        var picture = MediaPictures.Picture(cover);
        return dto with { CoverImage = picture, Video = VideoDto.From(cover, picture) };
    }

    /// <summary>The current slug of a published item that once had <paramref name="oldSlug"/>, or null.</summary>
    public async Task<string?> RenamedToAsync(Edition edition, ContentKind kind, string oldSlug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edition);
        return await db.SlugRedirects.AsNoTracking()
            .Where(r => r.EditionId == edition.Id && r.Kind == kind && r.Slug == oldSlug)
            .Join(Published(edition), r => r.ContentItemId, i => i.Id, (r, i) => i.Slug)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The public path of an item: current-edition items live at the root, others under their number.</summary>
    public static string Url(Edition edition, ContentKind kind, string slug)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var path = ContentTypes.Of(kind).PathOf(slug);
        return edition.IsCurrent ? path : $"/{edition.Number}{path}";
    }

    /// <summary>The published items of an edition: the one rule of what the public sees (the feeds and the sitemap read it too).</summary>
    internal IQueryable<ContentItem> Published(Edition edition) =>
        db.ContentItems.AsNoTracking().Where(i => i.EditionId == edition.Id && i.State == ContentState.Published && i.DeletedAt == null);

    private static EventDetailsDto EventDetails(DateTime? startsAt, DateTime? endsAt, string? location) =>
        new(BeijingTime.ToBeijing(startsAt), BeijingTime.ToBeijing(endsAt), location);

    private static CityRefDto? CityRef(string? code, string? name) => code is null ? null : new CityRefDto(code, name ?? code);

}
