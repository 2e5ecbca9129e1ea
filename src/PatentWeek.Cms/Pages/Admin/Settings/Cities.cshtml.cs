using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Campaign;
using PatentWeek.Cms.Content.Import;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Pages.Admin.Settings;

/// <summary>
/// The cities' categories, which the notice leaves to the office (知识产权强市创建市, 运营服务体系重点城市: 2 themed events at
/// least, else 1), and the current edition's own minimum for a city where the office sets one.
/// </summary>
public sealed class CitiesModel(CmsDbContext db, AuditLog audit) : AdminPage
{
    public const int MaxEvents = 20;

    public sealed class CityRow
    {
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public string Kind { get; set; } = "";
        public bool StrongCity { get; set; }
        public bool OperationsHub { get; set; }

        /// <summary>The edition's override; empty follows the categories.</summary>
        public int? MinimumEvents { get; set; }
        public int Required { get; set; }
    }

    [BindProperty]
    public List<CityRow> Rows { get; set; } = [];

    public int? Edition { get; private set; }

    public async Task OnGetAsync() => Rows = await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var edition = await db.Editions.OrderByDescending(e => e.IsCurrent).ThenByDescending(e => e.Number).FirstOrDefaultAsync();
        var cities = await db.Cities.ToDictionaryAsync(c => c.Code);
        for (var i = 0; i < Rows.Count; i++)
        {
            if (Rows[i].MinimumEvents is < 0 or > MaxEvents)
                ModelState.AddModelError($"Rows[{i}].MinimumEvents", $"{Rows[i].Code}：场次须在 0 到 {MaxEvents} 之间，或留空按类别确定。");
        }

        if (!ModelState.IsValid || edition is null)
        {
            var current = await LoadAsync();
            foreach (var row in current)
            {
                if (Rows.FirstOrDefault(r => r.Code == row.Code) is { } sent)
                    (row.StrongCity, row.OperationsHub, row.MinimumEvents) = (sent.StrongCity, sent.OperationsHub, sent.MinimumEvents);
            }

            Rows = current;
            return Page();
        }

        var quotas = await db.EventQuotas.Where(q => q.EditionId == edition.Id).ToDictionaryAsync(q => q.CityCode);
        foreach (var row in Rows.Where(r => cities.ContainsKey(r.Code)))
        {
            var city = cities[row.Code];
            var before = Describe(city.StrongCity, city.OperationsHub, quotas.GetValueOrDefault(row.Code)?.MinimumEvents);
            var after = Describe(row.StrongCity, row.OperationsHub, row.MinimumEvents);
            if (before == after)
                continue;
            audit.Record(Actor, AuditAction.CityUpdate, $"city/{row.Code}", $"第{edition.Number}届：{before} → {after}");
            (city.StrongCity, city.OperationsHub) = (row.StrongCity, row.OperationsHub);
            if (quotas.GetValueOrDefault(row.Code) is { } quota)
            {
                if (row.MinimumEvents is { } n)
                    quota.MinimumEvents = n;
                else
                    db.EventQuotas.Remove(quota);
            }
            else if (row.MinimumEvents is { } n)
            {
                db.EventQuotas.Add(new EventQuota { EditionId = edition.Id, CityCode = row.Code, MinimumEvents = n });
            }
        }

        await db.SaveChangesAsync();
        TempData["Message"] = "已保存。";
        return RedirectToPage();
    }

    private static string Describe(bool strong, bool hub, int? minimum) =>
        string.Join("、", new[] { strong ? "强市创建市" : null, hub ? "重点城市" : null }.OfType<string>().DefaultIfEmpty("无类别"))
        + (minimum is { } n ? $"，最少 {n} 场" : "，按类别");

    private async Task<List<CityRow>> LoadAsync()
    {
        var edition = await db.Editions.AsNoTracking().OrderByDescending(e => e.IsCurrent).ThenByDescending(e => e.Number).FirstOrDefaultAsync();
        Edition = edition?.Number;
        var quotas = edition is null ? [] : await db.EventQuotas.AsNoTracking().Where(q => q.EditionId == edition.Id).ToDictionaryAsync(q => q.CityCode, q => q.MinimumEvents);
        return (await db.Cities.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync()).Select(c => new CityRow
        {
            Code = c.Code, Name = c.Name, Kind = CampaignFileReader.CityKindLabel(c.Kind), StrongCity = c.StrongCity, OperationsHub = c.OperationsHub,
            MinimumEvents = quotas.TryGetValue(c.Code, out var n) ? n : null,
            Required = EventMinimum.Of(c, quotas.TryGetValue(c.Code, out var m) ? m : null),
        }).ToList();
    }
}
