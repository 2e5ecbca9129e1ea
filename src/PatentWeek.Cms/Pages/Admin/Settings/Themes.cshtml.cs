using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Outbox;
using PatentWeek.Cms.Site.Themes;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Pages.Admin.Settings;

/// <summary>
/// The themes on disk (each with its manifest, or why it is broken, and the templates that fail to parse) and the theme
/// each edition uses. Choosing another theme is audited and evicts the whole public cache (<see cref="EditionThemeChanged"/>).
/// </summary>
public sealed class ThemesModel(CmsDbContext db, ThemeCatalog catalog, AuditLog audit, DomainEvents events) : AdminPage
{
    public sealed record ThemeRow(ThemeInfo Theme, IReadOnlyList<TemplateProblem> Problems, IReadOnlyList<string> UsedBy);

    public sealed record EditionRow(int Id, string Label, string Theme, bool Usable);

    public IReadOnlyList<ThemeRow> Themes { get; private set; } = [];

    public IReadOnlyList<EditionRow> Editions { get; private set; } = [];

    /// <summary>The chosen theme per edition id, as the form's selects post it (<c>Choice[3]=default</c>).</summary>
    [BindProperty]
    public Dictionary<int, string> Choice { get; set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var editions = await db.Editions.OrderByDescending(e => e.Number).ToListAsync();
        var changed = editions.Where(e => Choice.TryGetValue(e.Id, out var theme) && theme != e.Theme).ToList();
        foreach (var edition in changed)
        {
            if (catalog.Find(Choice[edition.Id], fresh: true) is null)
                ModelState.AddModelError("", $"{Label(edition.Number, edition.Year)}：主题“{Choice[edition.Id]}”不存在或已损坏，不能选用。");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        foreach (var edition in changed)
        {
            audit.Record(Actor, AuditAction.EditionTheme, $"edition/{edition.Number}", $"主题 {edition.Theme} → {Choice[edition.Id]}");
            edition.Theme = Choice[edition.Id];
            events.Raise(new EditionThemeChanged(edition.Id, edition.Theme));
        }

        await db.SaveChangesAsync();
        await events.RunSavedAsync();
        TempData["Message"] = changed.Count == 0 ? "没有改动。" : "已保存。";
        return RedirectToPage();
    }

    public static string Label(int number, int year) => $"第{number}届（{year}年）";

    private async Task LoadAsync()
    {
        var editions = await db.Editions.AsNoTracking().OrderByDescending(e => e.Number).ToListAsync();
        // The admin asks the disk now, not the public site's once-a-second view.
        var themes = catalog.All(fresh: true);
        Editions = [.. editions.Select(e => new EditionRow(e.Id, Label(e.Number, e.Year), e.Theme, themes.Any(t => t.Key == e.Theme && t.Usable)))];
        Themes =
        [
            .. themes.Select(t => new ThemeRow(
                t,
                TemplateProblem.Check(t.Folder),
                [.. editions.Where(e => e.Theme == t.Key).Select(e => Label(e.Number, e.Year))])),
        ];
    }
}
