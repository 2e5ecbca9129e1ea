using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Import;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Media;

namespace PatentWeek.Cms.Delivery.Published;

/// <summary>
/// The published site kept in memory, so that a page or API answer the output cache does not hold is built without a
/// database round trip per list. It is read whole from the database when first asked for, and again after
/// <see cref="Invalidate"/>, which the handler of the events that change what the public sees calls
/// (<c>PublicCacheEviction</c>) before it evicts the cached pages. A change that raises no event (a row edited by
/// hand, another instance's publish) shows within about <see cref="MaxAge"/>: an older model is still served while
/// one reader rebuilds it in the background, so no reader waits for that.
/// </summary>
public sealed class PublishedSite : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    /// <summary>What <see cref="Invalidate"/> tells the other instances (<see cref="ScaleOut.InstanceSignals"/>).</summary>
    private const string Signal = "published-site";

    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider time;
    private readonly ILogger<PublishedSite> logger;
    private readonly ScaleOut.InstanceSignals _signals;

    public PublishedSite(IServiceScopeFactory scopes, TimeProvider time, ILogger<PublishedSite> logger, ScaleOut.InstanceSignals signals)
    {
        this.scopes = scopes;
        this.time = time;
        this.logger = logger;
        _signals = signals;
        signals.On(Signal, MarkStale);
    }

    private readonly SemaphoreSlim _building = new(1, 1);
    private PublishedSnapshot? _current;
    private long _generation;

    /// <summary>
    /// Bumped by <see cref="Invalidate"/>. A page rendered while it moved may show the model from before the change, so
    /// the output cache does not keep it (<see cref="Site.OutputCaching"/>'s guard compares it at the start and the end).
    /// </summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>
    /// Marks the read model stale, here and on the other instances: the next reader builds it again from the database.
    /// </summary>
    public void Invalidate()
    {
        MarkStale();
        _signals.Send(Signal);
    }

    private void MarkStale() => Interlocked.Increment(ref _generation);

    public async ValueTask<PublishedSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _current) is { } current && current.Generation == Generation)
        {
            if (time.GetUtcNow() - current.BuiltAt >= MaxAge)
                RefreshInBackground();
            return current;
        }

        // A change the public must see at once: one reader builds it; the others wait for that one rather than each
        // reading the whole site.
        await _building.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref _current) is { } built && built.Generation == Generation)
                return built;
            var snapshot = await BuildAsync(Generation, cancellationToken);
            Volatile.Write(ref _current, snapshot);
            return snapshot;
        }
        finally
        {
            _building.Release();
        }
    }

    public void Dispose() => _building.Dispose();

    /// <summary>The periodic re-read: started by the first reader past <see cref="MaxAge"/>, unless a build is under way.</summary>
    private void RefreshInBackground()
    {
        if (!_building.Wait(0))
            return;
        _ = Task.Run(async () =>
        {
            try
            {
                var snapshot = await BuildAsync(Generation, CancellationToken.None);
                Volatile.Write(ref _current, snapshot);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The model in hand stays in use; the next reader past MaxAge tries again.
                logger.LogWarning(e, "Re-reading the published site failed");
            }
            finally
            {
                _building.Release();
            }
        });
    }

    private async Task<PublishedSnapshot> BuildAsync(long generation, CancellationToken cancellationToken)
    {
        var builtAt = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var pictures = scope.ServiceProvider.GetRequiredService<MediaPictures>();

        var editions = await db.Editions.AsNoTracking().Include(e => e.Tasks)
            .OrderByDescending(e => e.IsCurrent).ThenByDescending(e => e.Number).ToListAsync(cancellationToken);
        // A city's event minimum is the current edition's.
        var minimums = await Campaign.EventMinimums.OfAsync(db, editions.FirstOrDefault()?.Id, cancellationToken);
        var cities = (await db.Cities.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(cancellationToken))
            .Select(c => new CityDto(c.Code, c.Name, CampaignFileReader.CityKindLabel(c.Kind), minimums[c.Code])).ToList();

        var published = db.ContentItems.AsNoTracking().Where(i => i.State == ContentState.Published && i.DeletedAt == null);
        var rows = await published
            .Select(i => new
            {
                i.Id, i.EditionId, i.Kind, i.Slug, i.Title, i.Summary, i.CityCode, CityName = i.City!.Name, i.PublishedAt, i.Cover,
                Tags = i.Tags.Select(t => t.Name).ToList(), i.IsPinned, i.IsSample, i.StartsAt, i.EndsAt, i.Location, i.EventType, i.Organiser,
            })
            .ToListAsync(cancellationToken);
        var renamed = await db.SlugRedirects.AsNoTracking()
            .Join(published, r => r.ContentItemId, i => i.Id, (r, i) => new { r.EditionId, r.Kind, OldSlug = r.Slug, i.Slug, ItemEdition = i.EditionId })
            .Where(r => r.EditionId == r.ItemEdition)
            .ToListAsync(cancellationToken);
        var covers = await pictures.LoadAsync(rows.Select(r => MediaReferences.IdOf(r.Cover) ?? 0), cancellationToken);

        var byId = editions.ToDictionary(e => e.Id);
        var content = new Dictionary<int, PublishedEdition>();
        foreach (var edition in editions)
        {
            var entries = rows.Where(r => r.EditionId == edition.Id).Select(r => new PublishedEntry(
                r.Id, r.EditionId, r.Kind, r.CityCode, r.Tags.ToHashSet(StringComparer.Ordinal), r.PublishedAt, r.StartsAt, r.EndsAt, r.IsPinned,
                new ContentSummaryDto(
                    r.Kind.ToName(), r.Slug, r.Title, r.Summary, ContentQueries.CityRef(r.CityCode, r.CityName), BeijingTime.ToBeijing(r.PublishedAt), r.Cover,
                    [.. r.Tags.Order(StringComparer.Ordinal)], r.IsPinned, r.IsSample, ContentQueries.Url(edition, r.Kind, r.Slug))
                {
                    CoverImage = MediaPictures.Picture(covers.GetValueOrDefault(MediaReferences.IdOf(r.Cover) ?? 0)),
                    Event = r.Kind == ContentKind.Event ? ContentQueries.EventDetails(r.StartsAt, r.EndsAt, r.Location, r.EventType, r.Organiser) : null,
                }));
            var moved = renamed.Where(r => r.EditionId == edition.Id).Select(r => (r.Kind, r.OldSlug, r.Slug));
            content[edition.Id] = new PublishedEdition(edition, entries, moved);
        }

        return new PublishedSnapshot(editions, cities, content, generation, builtAt);
    }
}
