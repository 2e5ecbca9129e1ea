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
        var items = await SummariesAsync(edition, ordered.Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize), cancellationToken);
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

    /// <summary>
    /// Summary rows of an ordered, paged query: one query for the rows (their tags joined in), one for their covers.
    /// </summary>
    private async Task<List<ContentSummaryDto>> SummariesAsync(Edition edition, IQueryable<ContentItem> rows, CancellationToken cancellationToken) =>
        (await SummariesAsync(edition, [rows], cancellationToken))[0];

    /// <summary>Several lists at once (the home page's blocks): a query per list, one for all their covers.</summary>
    private async Task<List<ContentSummaryDto>[]> SummariesAsync(Edition edition, IReadOnlyList<IQueryable<ContentItem>> lists, CancellationToken cancellationToken)
    {
        var rowLists = new List<SummaryRow>[lists.Count];
        for (var n = 0; n < lists.Count; n++)
        {
            rowLists[n] = await lists[n].Select(i => new SummaryRow
            {
                Kind = i.Kind, Slug = i.Slug, Title = i.Title, Summary = i.Summary, CityCode = i.CityCode, CityName = i.City!.Name,
                PublishedAt = i.PublishedAt, Cover = i.Cover, Tags = i.Tags.Select(t => t.Name).ToList(), IsPinned = i.IsPinned,
                IsSample = i.IsSample, StartsAt = i.StartsAt, EndsAt = i.EndsAt, Location = i.Location,
            }).ToListAsync(cancellationToken);
        }

        var covers = await pictures.LoadAsync(rowLists.SelectMany(rows => rows).Select(r => MediaReferences.IdOf(r.Cover) ?? 0), cancellationToken);
        return [.. rowLists.Select(rows => rows.Select(r => new ContentSummaryDto(
            r.Kind.ToName(), r.Slug, r.Title, r.Summary, CityRef(r.CityCode, r.CityName), BeijingTime.ToBeijing(r.PublishedAt), r.Cover,
            [.. r.Tags.Order(StringComparer.Ordinal)], r.IsPinned, r.IsSample, Url(edition, r.Kind, r.Slug))
        {
            CoverImage = MediaPictures.Picture(covers.GetValueOrDefault(MediaReferences.IdOf(r.Cover) ?? 0)),
            Event = r.Kind == ContentKind.Event ? EventDetails(r.StartsAt, r.EndsAt, r.Location) : null,
        }).ToList())];
    }

    private sealed class SummaryRow
    {
        public ContentKind Kind { get; init; }
        public required string Slug { get; init; }
        public required string Title { get; init; }
        public string? Summary { get; init; }
        public string? CityCode { get; init; }
        public string? CityName { get; init; }
        public DateTime? PublishedAt { get; init; }
        public string? Cover { get; init; }
        public List<string> Tags { get; init; } = [];
        public bool IsPinned { get; init; }
        public bool IsSample { get; init; }
        public DateTime? StartsAt { get; init; }
        public DateTime? EndsAt { get; init; }
        public string? Location { get; init; }
    }

    /// <summary>
    /// The home page's blocks in a handful of queries: the pinned items, the newest of each kind (the news without the
    /// pinned ones, shown above them), the upcoming events (or, once the week is over, its schedule), and the cities with
    /// their counts.
    /// </summary>
    public async Task<HomeBlocks> HomeAsync(Edition edition, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var published = Published(edition);
        IQueryable<ContentItem> Newest(ContentKind kind, int count) =>
            published.Where(i => i.Kind == kind).OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id).Take(count);
        IQueryable<ContentItem> Events(IQueryable<ContentItem> events) =>
            events.OrderBy(i => i.StartsAt == null).ThenBy(i => i.StartsAt).ThenBy(i => i.Id).Take(HomeBlocks.MaxEvents);

        var events = published.Where(i => i.Kind == ContentKind.Event);
        var upcoming = events.Where(i => (i.EndsAt ?? i.StartsAt) >= nowUtc);
        var lists = await SummariesAsync(edition,
        [
            published.Where(i => i.IsPinned).OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id).Take(HomeBlocks.MaxPinned),
            Newest(ContentKind.News, HomeBlocks.MaxNews + HomeBlocks.MaxPinned),
            Newest(ContentKind.Topic, HomeBlocks.MaxTopics),
            Newest(ContentKind.Story, HomeBlocks.MaxStories),
            Newest(ContentKind.Video, HomeBlocks.MaxVideos),
            Events(upcoming),
        ], cancellationToken);
        var schedule = lists[5].Count > 0 ? lists[5] : await SummariesAsync(edition, Events(events), cancellationToken);

        // A pinned news item leads the page; it is not repeated among the news.
        var pinned = lists[0];
        var news = lists[1].Where(n => !pinned.Exists(p => p.Url == n.Url)).Take(HomeBlocks.MaxNews).ToList();
        return new HomeBlocks(pinned, news, lists[2], lists[3], lists[4], schedule, lists[5].Count > 0, await CityCountsAsync(edition, cancellationToken));
    }

    /// <summary>The 17 cities with their published stories and events in the edition, in one grouped query.</summary>
    public async Task<IReadOnlyList<CitySummaryDto>> CityCountsAsync(Edition edition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var counts = await Published(edition)
            .Where(i => i.CityCode != null && (i.Kind == ContentKind.Story || i.Kind == ContentKind.Event))
            .GroupBy(i => new { i.CityCode, i.Kind })
            .Select(g => new { g.Key.CityCode, g.Key.Kind, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(string code, ContentKind kind) => counts.FirstOrDefault(c => c.CityCode == code && c.Kind == kind)?.Count ?? 0;
        return [.. (await CitiesAsync(cancellationToken)).Select(c => new CitySummaryDto(c.Code, c.Name, Count(c.Code, ContentKind.Story), Count(c.Code, ContentKind.Event)))];
    }

    /// <summary>
    /// The items published just before and just after this one in its kind (上一篇 / 下一篇), by publish time.
    /// </summary>
    public async Task<(ContentLinkDto? Previous, ContentLinkDto? Next)> NeighboursAsync(
        Edition edition, ContentKind kind, string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var kindItems = Published(edition).Where(i => i.Kind == kind && i.PublishedAt != null);
        var self = await kindItems.Where(i => i.Slug == slug).Select(i => new { i.Id, i.PublishedAt }).FirstOrDefaultAsync(cancellationToken);
        if (self is null)
            return (null, null);
        var previous = await kindItems
            .Where(i => i.PublishedAt < self.PublishedAt || (i.PublishedAt == self.PublishedAt && i.Id < self.Id))
            .OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id)
            .Select(i => new { i.Title, i.Slug }).FirstOrDefaultAsync(cancellationToken);
        var next = await kindItems
            .Where(i => i.PublishedAt > self.PublishedAt || (i.PublishedAt == self.PublishedAt && i.Id > self.Id))
            .OrderBy(i => i.PublishedAt).ThenBy(i => i.Id)
            .Select(i => new { i.Title, i.Slug }).FirstOrDefaultAsync(cancellationToken);
        return (previous is null ? null : new ContentLinkDto(previous.Title, previous.Slug, Url(edition, kind, previous.Slug)),
            next is null ? null : new ContentLinkDto(next.Title, next.Slug, Url(edition, kind, next.Slug)));
    }

    /// <summary>
    /// The slugs of the published items of a kind next to an item (just before and after it by publish time): the pages
    /// whose 上一篇 / 下一篇 links change when it is published.
    /// </summary>
    public async Task<IReadOnlyList<string>> NeighbourSlugsAsync(int itemId, CancellationToken cancellationToken = default)
    {
        var self = await db.ContentItems.AsNoTracking().Where(i => i.Id == itemId)
            .Select(i => new { i.Id, i.Kind, i.EditionId, i.PublishedAt }).FirstOrDefaultAsync(cancellationToken);
        if (self?.PublishedAt is null)
            return [];
        var kindItems = db.ContentItems.AsNoTracking().Where(i => i.EditionId == self.EditionId && i.Kind == self.Kind
            && i.State == ContentState.Published && i.DeletedAt == null && i.PublishedAt != null && i.Id != self.Id);
        var before = await kindItems.Where(i => i.PublishedAt < self.PublishedAt || (i.PublishedAt == self.PublishedAt && i.Id < self.Id))
            .OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id).Select(i => i.Slug).FirstOrDefaultAsync(cancellationToken);
        var after = await kindItems.Where(i => i.PublishedAt > self.PublishedAt || (i.PublishedAt == self.PublishedAt && i.Id > self.Id))
            .OrderBy(i => i.PublishedAt).ThenBy(i => i.Id).Select(i => i.Slug).FirstOrDefaultAsync(cancellationToken);
        return [.. new[] { before, after }.OfType<string>()];
    }

    /// <summary>
    /// Items related to one: those sharing a tag with it, newest first, then those of its city, itself excluded.
    /// A topic page lists the first group alone (<paramref name="sameCity"/> false).
    /// </summary>
    public async Task<IReadOnlyList<ContentSummaryDto>> RelatedAsync(
        Edition edition, ContentDto item, int count, bool sameCity = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(item);
        var kind = ContentKinds.TryParseKind(item.Kind, out var k) ? k : throw new ArgumentException("A kind without a definition.", nameof(item));
        var others = Published(edition).Where(i => !(i.Kind == kind && i.Slug == item.Slug));
        var tags = item.Tags.ToList();
        List<ContentSummaryDto> related = tags.Count == 0 ? [] : await SummariesAsync(edition,
            others.Where(i => i.Tags.Any(t => tags.Contains(t.Name))).OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id).Take(count),
            cancellationToken);
        if (sameCity && related.Count < count && item.City is { } city)
        {
            var ofCity = await SummariesAsync(edition,
                others.Where(i => i.CityCode == city.Code && !i.Tags.Any(t => tags.Contains(t.Name)))
                    .OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id).Take(count - related.Count),
                cancellationToken);
            related.AddRange(ofCity);
        }

        return related;
    }

    /// <summary>Every edition, newest first, for the editions index.</summary>
    public async Task<IReadOnlyList<Edition>> EditionsAsync(CancellationToken cancellationToken = default) =>
        await db.Editions.AsNoTracking().OrderByDescending(e => e.Number).ToListAsync(cancellationToken);

    /// <summary>The public path of an item: current-edition items live at the root, others under their number.</summary>
    public static string Url(Edition edition, ContentKind kind, string slug)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var path = ContentTypes.Of(kind).PathOf(slug);
        return edition.IsCurrent ? path : $"/{edition.Number}{path}";
    }

    private IQueryable<ContentItem> Published(Edition edition) =>
        db.ContentItems.AsNoTracking().Where(i => i.EditionId == edition.Id && i.State == ContentState.Published && i.DeletedAt == null);

    private static EventDetailsDto EventDetails(DateTime? startsAt, DateTime? endsAt, string? location) =>
        new(BeijingTime.ToBeijing(startsAt), BeijingTime.ToBeijing(endsAt), location);

    private static CityRefDto? CityRef(string? code, string? name) => code is null ? null : new CityRefDto(code, name ?? code);

}
