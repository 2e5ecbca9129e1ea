using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Content.Import;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Pages.Admin.Settings;

/// <summary>The minimum number of themed events per city, which the notice leaves to the office.</summary>
public sealed class CitiesModel(CmsDbContext db, AuditLog audit) : AdminPage
{
    public sealed class CityRow
    {
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public string Kind { get; set; } = "";
        public int MinimumEvents { get; set; }
    }

    [BindProperty]
    public List<CityRow> Rows { get; set; } = [];

    public async Task OnGetAsync() => Rows = await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var cities = await db.Cities.ToDictionaryAsync(c => c.Code);
        foreach (var row in Rows)
        {
            if (row.MinimumEvents is < 0 or > 20)
                ModelState.AddModelError("", $"{row.Code}：场次须在 0 到 20 之间。");
        }

        if (!ModelState.IsValid)
        {
            var current = await LoadAsync();
            foreach (var row in current)
                row.MinimumEvents = Rows.FirstOrDefault(r => r.Code == row.Code)?.MinimumEvents ?? row.MinimumEvents;
            Rows = current;
            return Page();
        }

        foreach (var row in Rows.Where(r => cities.ContainsKey(r.Code) && cities[r.Code].MinimumEvents != r.MinimumEvents))
        {
            audit.Record(Actor, AuditAction.CityUpdate, $"city/{row.Code}", $"最少主题活动 {cities[row.Code].MinimumEvents} → {row.MinimumEvents}");
            cities[row.Code].MinimumEvents = row.MinimumEvents;
        }

        await db.SaveChangesAsync();
        TempData["Message"] = "已保存。";
        return RedirectToPage();
    }

    private async Task<List<CityRow>> LoadAsync() =>
        (await db.Cities.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync())
        .Select(c => new CityRow { Code = c.Code, Name = c.Name, Kind = CampaignFileReader.CityKindLabel(c.Kind), MinimumEvents = c.MinimumEvents }).ToList();
}
