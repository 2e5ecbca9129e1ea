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

    public List<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Action))
            query = query.Where(a => a.Action == Action.Trim());
        if (!string.IsNullOrWhiteSpace(ActorEmail))
            query = query.Where(a => a.Actor == ActorEmail.Trim());
        Entries = await query.OrderByDescending(a => a.Id).Take(500).ToListAsync();
    }
}
