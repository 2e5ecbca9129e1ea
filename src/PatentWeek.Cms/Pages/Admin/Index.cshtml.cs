using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Campaign;
using PatentWeek.Cms.Content.Staff;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Data.Workflow;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Pages.Admin;

/// <summary>The dashboard: the staff read model's queues and city counts, and the actor's notifications.</summary>
public sealed class IndexModel(StaffContentQueries staff, NotificationInbox inbox, SubmissionService submissions, ComplianceQueries compliance, CmsDbContext db) : AdminPage
{
    private const int Take = 10;

    public sealed record Row(int Id, string Title, ContentKind Kind, string? CityName, string When);

    public sealed record CityRow(string Name, int Drafts, int Submitted, int Published, int MinimumEvents);

    public List<Row> MyDrafts { get; private set; } = [];

    /// <summary>A city's plan and report of the current edition: what it owes, by when, and how far along.</summary>
    public List<SubmissionSlot> Owed { get; private set; } = [];
    public int EventsHeld { get; private set; }
    public int EventsRequired { get; private set; }
    public DateTime Now => submissions.Now;
    public List<Row> Waiting { get; private set; } = [];
    public List<Row> Published { get; private set; } = [];

    /// <summary>Approved items (or approved revisions of published ones) waiting for an editor to publish them; not the scheduled ones.</summary>
    public List<Row> ToPublish { get; private set; } = [];
    public List<Notification> Notifications { get; private set; } = [];
    public List<CityRow> Cities { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var actor = Actor;
        MyDrafts = Rows(await staff.MyDraftsAsync(actor, Take));
        Waiting = Rows(await staff.SubmittedAsync(actor, Take));
        Published = Rows(await staff.PublishedAsync(actor, Take));
        if (CanPublish)
            ToPublish = Rows(await staff.AwaitingPublishAsync(actor, Take));
        Notifications = await inbox.ListAsync(actor, Take);
        if (actor.IsCityBound && actor.CityCode is { } city)
            await LoadOwedAsync(city);
        Cities = (await staff.CountsByCityAsync(actor)).Select(c => new CityRow(
            c.Name, c.Of(ContentState.Draft), c.Of(ContentState.Submitted), c.Of(ContentState.Published), c.MinimumEvents)).ToList();
    }

    private async Task LoadOwedAsync(string city)
    {
        var edition = await db.Editions.AsNoTracking().Where(e => e.IsCurrent).Select(e => (int?)e.Number).FirstOrDefaultAsync();
        if (edition is not { } number)
            return;
        foreach (var kind in new[] { SubmissionKind.Plan, SubmissionKind.Report })
        {
            try
            {
                Owed.Add(await submissions.LoadAsync(Actor, number, kind, city, HttpContext.RequestAborted));
            }
            catch (RefusedException)
            {
                // The edition asks this city for no such task: nothing owed.
            }
        }

        if (await compliance.OfAsync(number, HttpContext.RequestAborted) is { } table && table.Rows.FirstOrDefault(r => r.City.Code == city) is { } row)
            (EventsHeld, EventsRequired) = (row.EventsHeld, row.EventsRequired);
    }

    public async Task<IActionResult> OnPostMarkReadAsync()
    {
        await inbox.MarkAllReadAsync(Actor);
        return RedirectToPage();
    }

    // The year is shown: a campaign archive holds 2019's items beside this year's.
    private static List<Row> Rows(List<StaffRow> rows) =>
        rows.Select(i => new Row(i.Id, i.Title, i.Kind, i.CityName, BeijingTime.ToBeijing(i.PublishedAt ?? i.UpdatedAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture))).ToList();
}
