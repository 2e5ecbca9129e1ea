using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Workflow;

namespace PatentWeek.Cms.Pages.Admin.Settings;

public sealed class AuditModel(CmsDbContext db) : AdminPage
{
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true, Name = "actor")] public string? ActorEmail { get; set; }
    [BindProperty(SupportsGet = true)] public string? Target { get; set; }

    /// <summary>Beijing dates, inclusive.</summary>
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public List<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Action))
            query = query.Where(a => a.Action == Action.Trim());
        if (!string.IsNullOrWhiteSpace(ActorEmail))
            query = query.Where(a => a.Actor == ActorEmail.Trim());
        if (!string.IsNullOrWhiteSpace(Target))
            query = query.Where(a => a.Target == Target.Trim());
        if (Infrastructure.BeijingTime.TryParse(From, out var from))
            query = query.Where(a => a.At >= from);
        if (Infrastructure.BeijingTime.TryParse(To, out var to))
        {
            var end = to.AddDays(1);
            query = query.Where(a => a.At < end);
        }
        Entries = await query.OrderByDescending(a => a.Id).Take(500).ToListAsync();
    }
}
