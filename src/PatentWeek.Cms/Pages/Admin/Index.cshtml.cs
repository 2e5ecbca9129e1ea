using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Data.Workflow;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Pages.Admin;

public sealed class IndexModel(CmsDbContext db) : AdminPage
{
    public sealed record Row(int Id, string Title, ContentKind Kind, string? CityName, string When);

    public sealed record CityRow(string Name, int Drafts, int Submitted, int Published, int MinimumEvents);

    public List<Row> MyDrafts { get; private set; } = [];
    public List<Row> Waiting { get; private set; } = [];
    public List<Row> Published { get; private set; } = [];

    /// <summary>Approved items (or approved revisions of published ones) waiting for an editor to publish them; not the scheduled ones.</summary>
    public List<Row> ToPublish { get; private set; } = [];
    public List<Notification> Notifications { get; private set; } = [];
    public List<CityRow> Cities { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var actor = Actor;
        var items = db.ContentItems.AsNoTracking().Where(i => i.DeletedAt == null).VisibleTo(actor);
        MyDrafts = await RowsAsync(items.Where(i => i.CreatedById == actor.Id).InState(ContentState.Draft).OrderByDescending(i => i.UpdatedAt));
        Waiting = await RowsAsync(items.InState(ContentState.Submitted).OrderBy(i => i.UpdatedAt));
        Published = await RowsAsync(items.Where(i => i.State == ContentState.Published).OrderByDescending(i => i.PublishedAt));
        if (CanPublish)
            ToPublish = await RowsAsync(items.AwaitingPublish().OrderBy(i => i.UpdatedAt));
        Notifications = await db.Notifications.AsNoTracking().Where(n => n.UserId == actor.Id).OrderByDescending(n => n.Id).Take(10).ToListAsync();

        var counts = await items.Where(i => i.CityCode != null)
            .GroupBy(i => new { i.CityCode, i.State })
            .Select(g => new { g.Key.CityCode, g.Key.State, Count = g.Count() })
            .ToListAsync();
        var cities = await db.Cities.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync();
        Cities = cities.Where(c => !actor.IsCityBound || c.Code == actor.CityCode).Select(c => new CityRow(
            c.Name,
            counts.Where(x => x.CityCode == c.Code && x.State == ContentState.Draft).Sum(x => x.Count),
            counts.Where(x => x.CityCode == c.Code && x.State == ContentState.Submitted).Sum(x => x.Count),
            counts.Where(x => x.CityCode == c.Code && x.State == ContentState.Published).Sum(x => x.Count),
            c.MinimumEvents)).ToList();
    }

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnPostMarkReadAsync([Microsoft.AspNetCore.Mvc.FromServices] TimeProvider time)
    {
        var userId = Actor.Id;
        var now = time.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now));
        return RedirectToPage();
    }

    // The year is shown: a campaign archive holds 2019's items beside this year's.
    private static async Task<List<Row>> RowsAsync(IQueryable<ContentItem> query) =>
        (await query.Take(10).Select(i => new { i.Id, i.Title, i.Kind, CityName = i.City!.Name, i.PublishedAt, i.UpdatedAt }).ToListAsync())
        .Select(i => new Row(i.Id, i.Title, i.Kind, i.CityName, BeijingTime.ToBeijing(i.PublishedAt ?? i.UpdatedAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture))).ToList();
}
