using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Search;

namespace PatentWeek.Cms.Content.Staff;

/// <summary>
/// The staff read model: every list of content staff see (the filtered list, the review queue, the 待发布 queue, the
/// trash, the dashboard's lists and counts), for the admin pages and the management API alike. Each starts from
/// the items the actor may see, so no caller scopes by city itself.
/// </summary>
public sealed class StaffContentQueries(CmsDbContext db)
{
    /// <summary>Live (not trashed) items the actor may see.</summary>
    private IQueryable<ContentItem> Live(Actor actor) => db.ContentItems.AsNoTracking().Where(i => i.DeletedAt == null).VisibleTo(actor);

    /// <summary>
    /// The content list: filtered, most recently changed first; with a text query, the items the search index matches
    /// (drafts included: the index holds every item outside the trash), whole query in the title first.
    /// </summary>
    public async Task<StaffPage> ListAsync(Actor actor, StaffFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Live(actor);
        if (filter.State is { } state)
            query = query.InState(state);
        if (filter.Kind is { } kind)
            query = query.Where(i => i.Kind == kind);
        if (filter.City is { } city)
            query = query.Where(i => i.CityCode == city);

        IQueryable<ContentItem> ordered;
        if (filter.Query is { } text)
        {
            var matched = query.Join(SearchMatches.Of(db, text), i => i.Id, m => m.Id, (i, m) => new { Item = i, m.Tier });
            query = matched.Select(x => x.Item);
            ordered = matched.OrderBy(x => x.Tier).ThenByDescending(x => x.Item.UpdatedAt).ThenByDescending(x => x.Item.Id).Select(x => x.Item);
        }
        else
        {
            ordered = query.OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await RowsAsync(ordered.Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize), cancellationToken);
        return new StaffPage(items, filter.Page, filter.PageSize, total);
    }

    /// <summary>The trash, most recently deleted first.</summary>
    public Task<List<StaffRow>> TrashAsync(Actor actor, CancellationToken cancellationToken = default) =>
        RowsAsync(db.ContentItems.AsNoTracking().Where(i => i.DeletedAt != null).VisibleTo(actor).OrderByDescending(i => i.DeletedAt), cancellationToken);

    /// <summary>The review queue: submitted items and submitted revisions of published ones, oldest first.</summary>
    public Task<List<StaffRow>> ReviewQueueAsync(Actor actor, CancellationToken cancellationToken = default) =>
        RowsAsync(Live(actor)
            .Where(i => i.State == ContentState.Submitted || (i.State == ContentState.Published && i.WorkingCopyState == ContentState.Submitted))
            .OrderBy(i => i.UpdatedAt), cancellationToken);

    /// <summary>The 待发布 queue: approved and not scheduled (see <see cref="ContentStateQueries.AwaitingPublish"/>), oldest first.</summary>
    public Task<List<StaffRow>> AwaitingPublishAsync(Actor actor, int take, CancellationToken cancellationToken = default) =>
        RowsAsync(Live(actor).AwaitingPublish().OrderBy(i => i.UpdatedAt).Take(take), cancellationToken);

    /// <summary>The actor's own drafts (or drafts of revisions), most recently changed first.</summary>
    public Task<List<StaffRow>> MyDraftsAsync(Actor actor, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var id = actor.Id;
        return RowsAsync(Live(actor).Where(i => i.CreatedById == id).InState(ContentState.Draft).OrderByDescending(i => i.UpdatedAt).Take(take), cancellationToken);
    }

    /// <summary>Items (or revisions) waiting for review, oldest first.</summary>
    public Task<List<StaffRow>> SubmittedAsync(Actor actor, int take, CancellationToken cancellationToken = default) =>
        RowsAsync(Live(actor).InState(ContentState.Submitted).OrderBy(i => i.UpdatedAt).Take(take), cancellationToken);

    /// <summary>Published items, most recently published first.</summary>
    public Task<List<StaffRow>> PublishedAsync(Actor actor, int take, CancellationToken cancellationToken = default) =>
        RowsAsync(Live(actor).Where(i => i.State == ContentState.Published).OrderByDescending(i => i.PublishedAt).Take(take), cancellationToken);

    /// <summary>How many live items the actor may see are in each state (the live state).</summary>
    public async Task<IReadOnlyDictionary<ContentState, int>> CountsByStateAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var rows = await Live(actor).GroupBy(i => i.State).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.State, r => r.Count);
    }

    /// <summary>Every city the actor may see (a city contributor: their own), in the campaign's order, with its counts by state.</summary>
    public async Task<List<CityCounts>> CountsByCityAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var counts = await Live(actor).Where(i => i.CityCode != null)
            .GroupBy(i => new { i.CityCode, i.State })
            .Select(g => new { g.Key.CityCode, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var cities = await db.Cities.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        var current = await db.Editions.AsNoTracking().Where(e => e.IsCurrent).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
        var minimums = await Campaign.EventMinimums.OfAsync(db, current, cancellationToken);
        return cities.Where(c => !actor.IsCityBound || c.Code == actor.CityCode).Select(c => new CityCounts(
            c.Code, c.Name, minimums[c.Code],
            counts.Where(x => x.CityCode == c.Code).GroupBy(x => x.State).ToDictionary(g => g.Key, g => g.Sum(x => x.Count)))).ToList();
    }

    private static Task<List<StaffRow>> RowsAsync(IQueryable<ContentItem> query, CancellationToken cancellationToken) =>
        query.Select(i => new StaffRow(
            i.Id, i.Kind, i.Edition.Number, i.State, i.WorkingCopyState, i.Title, i.Slug, i.CityCode, i.City!.Name, i.UpdatedAt, i.PublishedAt, i.DeletedAt))
            .ToListAsync(cancellationToken);
}
