using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Import;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Delivery.Published;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Media;

namespace PatentWeek.Cms.Delivery;

/// <summary>
/// Reads published content as delivery DTOs, for the API and the site alike. Nothing that is not
/// published ever leaves this class. Published content comes from the in-memory read model
/// (<see cref="PublishedSite"/>); only a preview and an item's first full read go to the database.
/// </summary>
public sealed class ContentQueries(CmsDbContext db, MediaPictures pictures, PublishedSite site)
{
    public async Task<Edition?> CurrentEditionAsync(CancellationToken cancellationToken = default) =>
        (await site.GetAsync(cancellationToken)).Current;

    /// <summary>The numbered edition, or the current one when <paramref name="number"/> is null.</summary>
    public async Task<Edition?> EditionAsync(int? number, CancellationToken cancellationToken = default)
    {
        var snapshot = await site.GetAsync(cancellationToken);
        return number is { } n ? snapshot.Edition(n) : snapshot.Current;
    }

    public static SiteDto ToSite(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        return new SiteDto(edition.Number, edition.Year, edition.Slogan, edition.WeekStart, edition.WeekEnd,
            Due(edition, SubmissionKind.Plan), Due(edition, SubmissionKind.Report), edition.Theme);
    }

    /// <summary>The day a task of the edition is due (the edition must come with its tasks), or null when it asks for none.</summary>
    private static DateOnly? Due(Edition edition, SubmissionKind kind) => edition.Tasks.FirstOrDefault(t => t.Kind == kind)?.DueOn;

    public async Task<IReadOnlyList<CityDto>> CitiesAsync(CancellationToken cancellationToken = default) =>
        (await site.GetAsync(cancellationToken)).Cities;

    /// <summary>
    /// Published items of one edition, newest first (pinned first when asked, as the home page does); events
    /// alone come in the order they take place, by their start.
    /// </summary>
    public async Task<PagedDto<ContentSummaryDto>> ListAsync(
        Edition edition, ContentFilter filter, bool pinnedFirst = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(filter);
        var published = (await site.GetAsync(cancellationToken)).Of(edition);
        IEnumerable<PublishedEntry> query = filter.Kind == ContentKind.Event ? published.Events : published.Newest;
        if (filter.Kind is { } kind)
            query = query.Where(i => i.Kind == kind);
        if (filter.City is { } city)
            query = query.Where(i => i.CityCode == city);
        if (filter.Tag is { } tag)
            query = query.Where(i => i.Tags.Contains(tag));
        if (filter.FromUtc is { } from)
            query = query.Where(i => i.IsOnOrAfter(from));
        if (filter.BeforeUtc is { } before)
            query = query.Where(i => i.IsBefore(before));
        // The pinned first, each part still newest first (a stable sort).
        if (pinnedFirst && filter.Kind != ContentKind.Event)
            query = query.OrderByDescending(i => i.Pinned);

        var matching = query.ToList();
        var items = matching.Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).Select(i => i.Summary).ToList();
        return new PagedDto<ContentSummaryDto>(items, filter.Page, filter.PageSize, matching.Count);
    }

    public async Task<ContentDto?> GetAsync(Edition edition, ContentKind kind, string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var published = (await site.GetAsync(cancellationToken)).Of(edition);
        if (published.Find(kind, slug) is not { } entry)
            return null;
        if (published.Items.TryGetValue(entry.Id, out var cached))
            return cached;

        var item = await db.ContentItems.AsNoTracking()
            .Include(i => i.City)
            .Include(i => i.Tags)
            .FirstOrDefaultAsync(i => i.Id == entry.Id && i.State == ContentState.Published && i.DeletedAt == null, cancellationToken);
        if (item is null)
            return null;

        var details = item.Kind == ContentKind.Event ? EventDetails(item.StartsAt, item.EndsAt, item.Location, item.EventType, item.Organiser) : null;
        var media = await pictures.LoadAsync(MediaReferences.All(item.Cover, item.Html).Select(r => r.Id), cancellationToken);
        var dto = WithMedia(ContentDto.Of(
            ContentFields.From(item, edition.Number), MediaPictures.Rewrite(item.Html, media), CityRef(item.CityCode, item.City?.Name),
            BeijingTime.ToBeijing(item.PublishedAt), BeijingTime.ToBeijing(item.UpdatedAt), details, Url(edition, item.Kind, item.Slug)), media)
            with { WeChatUrl = item.WeChatUrl };
        // Kept with the read model it was found in, so the next change (which replaces the model) drops it too.
        published.Items.TryAdd(entry.Id, dto);
        return dto;
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
        var details = item.Kind == ContentKind.Event ? EventDetails(f.StartsAt, f.EndsAt, f.Location, f.Texts[TextFields.EventType], f.Texts[TextFields.Organiser]) : null;
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
        return (await site.GetAsync(cancellationToken)).Of(edition).RenamedTo(kind, oldSlug);
    }

    /// <summary>
    /// The home page's blocks, from the read model: the pinned items, the newest of each kind (the news without the
    /// pinned ones, shown above them), the upcoming events (or, once the week is over, its schedule), and the cities with
    /// their counts.
    /// </summary>
    public async Task<HomeBlocks> HomeAsync(Edition edition, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var published = (await site.GetAsync(cancellationToken)).Of(edition);
        List<ContentSummaryDto> Newest(ContentKind kind, int count) =>
            [.. published.Newest.Where(i => i.Kind == kind).Take(count).Select(i => i.Summary)];

        var pinned = published.Newest.Where(i => i.Pinned).Take(HomeBlocks.MaxPinned).Select(i => i.Summary).ToList();
        var upcoming = published.Events.Where(i => i.IsOnOrAfter(nowUtc)).Take(HomeBlocks.MaxEvents).Select(i => i.Summary).ToList();
        var schedule = upcoming.Count > 0 ? upcoming : [.. published.Events.Take(HomeBlocks.MaxEvents).Select(i => i.Summary)];
        // A pinned news item leads the page; it is not repeated among the news.
        var news = published.Newest.Where(i => i.Kind == ContentKind.News && !i.Pinned).Take(HomeBlocks.MaxNews).Select(i => i.Summary).ToList();
        return new HomeBlocks(pinned, news, Newest(ContentKind.Topic, HomeBlocks.MaxTopics), Newest(ContentKind.Story, HomeBlocks.MaxStories),
            Newest(ContentKind.Video, HomeBlocks.MaxVideos), schedule, upcoming.Count > 0, await CityCountsAsync(edition, cancellationToken));
    }

    /// <summary>The cities with their published stories and events in the edition.</summary>
    public async Task<IReadOnlyList<CitySummaryDto>> CityCountsAsync(Edition edition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var snapshot = await site.GetAsync(cancellationToken);
        var counts = snapshot.Of(edition).Newest
            .Where(i => i.CityCode != null && i.Kind is ContentKind.Story or ContentKind.Event)
            .CountBy(i => (i.CityCode!, i.Kind))
            .ToDictionary(c => c.Key, c => c.Value);
        return [.. snapshot.Cities.Select(c => new CitySummaryDto(
            c.Code, c.Name, counts.GetValueOrDefault((c.Code, ContentKind.Story)), counts.GetValueOrDefault((c.Code, ContentKind.Event))))];
    }

    /// <summary>
    /// The items published just before and just after this one in its kind (上一篇 / 下一篇), by publish time.
    /// </summary>
    public async Task<(ContentLinkDto? Previous, ContentLinkDto? Next)> NeighboursAsync(
        Edition edition, ContentKind kind, string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edition);
        // Newest first: the one after it in this list was published before it.
        var ofKind = (await site.GetAsync(cancellationToken)).Of(edition).Newest.Where(i => i.Kind == kind && i.PublishedAtUtc != null).ToList();
        var at = ofKind.FindIndex(i => i.Summary.Slug == slug);
        if (at < 0)
            return (null, null);
        static ContentLinkDto Link(PublishedEntry e) => new(e.Summary.Title, e.Summary.Slug, e.Summary.Url);
        return (at + 1 < ofKind.Count ? Link(ofKind[at + 1]) : null, at > 0 ? Link(ofKind[at - 1]) : null);
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
        var others = (await site.GetAsync(cancellationToken)).Of(edition).Newest.Where(i => !(i.Kind == kind && i.Summary.Slug == item.Slug)).ToList();
        var tags = item.Tags.ToHashSet(StringComparer.Ordinal);
        var related = others.Where(i => i.Tags.Overlaps(tags)).Take(count).Select(i => i.Summary).ToList();
        if (sameCity && related.Count < count && item.City is { } city)
            related.AddRange(others.Where(i => i.CityCode == city.Code && !i.Tags.Overlaps(tags)).Take(count - related.Count).Select(i => i.Summary));
        return related;
    }

    /// <summary>Every edition, newest first, for the editions index.</summary>
    public async Task<IReadOnlyList<Edition>> EditionsAsync(CancellationToken cancellationToken = default) =>
        [.. (await site.GetAsync(cancellationToken)).Editions.OrderByDescending(e => e.Number)];

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

    internal static EventDetailsDto EventDetails(DateTime? startsAt, DateTime? endsAt, string? location, string? type, string? organiser) =>
        new(BeijingTime.ToBeijing(startsAt), BeijingTime.ToBeijing(endsAt), location, type, EventTypes.LabelOf(type), organiser);

    internal static CityRefDto? CityRef(string? code, string? name) => code is null ? null : new CityRefDto(code, name ?? code);

}
