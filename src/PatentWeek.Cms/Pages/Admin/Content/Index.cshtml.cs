using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Pages.Admin.Content;

public sealed class IndexModel(CmsDbContext db) : AdminPage
{
    public sealed record Row(int Id, string Title, ContentKind Kind, ContentState State, ContentState? WorkingCopyState, string? CityName, DateTime UpdatedAt);

    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? City { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public List<Row> Items { get; private set; } = [];
    public List<SelectListItem> KindOptions { get; private set; } = [];
    public List<SelectListItem> StateOptions { get; private set; } = [];
    public List<SelectListItem> CityOptions { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var query = db.ContentItems.AsNoTracking().Where(i => i.DeletedAt == null).VisibleTo(Actor);
        if (ContentKinds.TryParseKind(Kind, out var kind))
            query = query.Where(i => i.Kind == kind);
        if (ContentKinds.TryParseState(State, out var state))
            query = query.InState(state);
        if (!string.IsNullOrWhiteSpace(City))
            query = query.Where(i => i.CityCode == City);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(i => i.Title.Contains(q) || (i.Summary != null && i.Summary.Contains(q)) || i.Body.Contains(q));
        }

        Items = await query.OrderByDescending(i => i.UpdatedAt).Take(200)
            .Select(i => new Row(i.Id, i.Title, i.Kind, i.State, i.WorkingCopyState, i.City!.Name, i.UpdatedAt)).ToListAsync();
        KindOptions = ContentTypes.All.Select(t => new SelectListItem(t.Label, t.Name, t.Name == Kind)).ToList();
        StateOptions = Enum.GetValues<ContentState>().Select(s => new SelectListItem(Labels.Of(s), s.ToName(), s.ToName() == State)).ToList();
        CityOptions = await db.Cities.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new SelectListItem(c.Name, c.Code, c.Code == City)).ToListAsync();
    }
}
