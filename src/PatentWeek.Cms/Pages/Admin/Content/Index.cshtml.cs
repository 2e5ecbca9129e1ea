using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Staff;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Pages.Admin.Content;

/// <summary>The content list: the staff read model's list, with its filters as a form.</summary>
public sealed class IndexModel(CmsDbContext db, StaffContentQueries staff) : AdminPage
{
    /// <summary>The most the page lists at once; the filters narrow it down.</summary>
    public const int MaxRows = 200;

    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? City { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<StaffRow> Items { get; private set; } = [];
    public List<SelectListItem> KindOptions { get; private set; } = [];
    public List<SelectListItem> StateOptions { get; private set; } = [];
    public List<SelectListItem> CityOptions { get; private set; } = [];

    public async Task OnGetAsync()
    {
        // The form sends empty values for 全部; a filter that is not understood is named next to it, and the rest still apply.
        var filter = StaffFilter.Parse(
            string.IsNullOrEmpty(State) ? null : State, string.IsNullOrEmpty(Kind) ? null : Kind,
            string.IsNullOrWhiteSpace(City) ? null : City, Q?.Trim(), 1, MaxRows, out var errors);
        foreach (var (field, refusal) in errors)
            ModelState.AddModelError(field, refusal.Text);

        Items = (await staff.ListAsync(Actor, filter)).Items;
        KindOptions = ContentTypes.All.Select(t => new SelectListItem(t.Label, t.Name, t.Name == Kind)).ToList();
        StateOptions = Enum.GetValues<ContentState>().Select(s => new SelectListItem(Labels.Of(s), s.ToName(), s.ToName() == State)).ToList();
        CityOptions = await db.Cities.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new SelectListItem(c.Name, c.Code, c.Code == City)).ToListAsync();
    }
}
