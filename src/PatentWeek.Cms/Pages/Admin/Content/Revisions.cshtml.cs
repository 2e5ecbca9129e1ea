using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Pages.Admin.Content;

/// <summary>Every saved version, a side-by-side diff of any two, and restore (which saves a new version).</summary>
public sealed class RevisionsModel(CmsDbContext db, WorkflowService workflow) : ItemPage(db)
{
    public sealed record Row(int Number, DateTime CreatedAt, string CreatedBy, string Title, ContentFields Fields);

    public int Id { get; private set; }
    public List<Row> Revisions { get; private set; } = [];
    public int A { get; private set; }
    public int B { get; private set; }
    public SideBySideDiffModel? Diff { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? a, int? b)
    {
        await LoadAsync(id, a, b);
        return Page();
    }

    public Task<IActionResult> OnPostRestoreAsync(int id, int number) => StepAsync(
        async () =>
        {
            await workflow.RestoreRevisionAsync(Actor, id, number, version: null);
            TempData["Message"] = $"已恢复第 {number} 版（保存为新的版本）。";
            return LocalRedirect($"~/admin/content/{id}");
        },
        async () =>
        {
            await LoadAsync(id, null, null);
            return Page();
        });

    private async Task LoadAsync(int id, int? a, int? b)
    {
        Id = id;
        var rows = await Db.Revisions.AsNoTracking().Where(r => r.ContentItemId == id).OrderByDescending(r => r.Number).ToListAsync();
        Revisions = rows.Select(r =>
        {
            var fields = ContentFields.FromSnapshot(r.Snapshot);
            return new Row(r.Number, r.CreatedAt, r.CreatedBy, fields.Title, fields);
        }).ToList();
        if (Revisions.Count == 0)
            return;
        B = b ?? Revisions[0].Number;
        A = a ?? (Revisions.Count > 1 ? Revisions[1].Number : B);
        var older = Revisions.FirstOrDefault(r => r.Number == A);
        var newer = Revisions.FirstOrDefault(r => r.Number == B);
        if (older is not null && newer is not null)
            Diff = SideBySideDiffBuilder.Diff(Text(older.Fields), Text(newer.Fields));
    }

    // The diff's lines: the declared text fields after the tags, each with its declared label, as the diff always had
    // them (摘要 among the headings, the credits after the tags).
    private static readonly TextField[] Headed = [TextFields.Summary];

    private static string Text(ContentFields f) =>
        $"标题：{f.Title}\n别名：{f.Slug}\n{Lines(f, Headed)}标签：{string.Join("，", f.Tags)}\n{Lines(f, TextFields.All.Where(t => t.FormGroup == FormGroups.Credits))}{Lines(f, EventOnly(f))}\n{f.Body}";

    // An event's own fields (type, organiser) after the credits; other kinds' diffs read as they always did.
    private static IEnumerable<TextField> EventOnly(ContentFields f) =>
        ContentTypes.Of(f.Kind).Fields.Intersect(TextFields.EventOnly);

    private static string Lines(ContentFields f, IEnumerable<TextField> fields) => string.Concat(fields.Select(t => $"{t.Label}：{t.Display(f.Texts[t])}\n"));
}
