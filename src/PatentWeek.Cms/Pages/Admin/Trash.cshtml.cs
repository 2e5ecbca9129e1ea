using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Pages.Admin;

public sealed class TrashModel(CmsDbContext db, WorkflowService workflow) : ItemPage(db)
{
    public sealed record Row(int Id, string Title, ContentKind Kind, DateTime DeletedAt);

    public List<Row> Items { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostRestoreAsync(int id) => StepAsync(
        async () =>
        {
            await workflow.RestoreFromTrashAsync(Actor, id);
            TempData["Message"] = "已恢复。";
            return Redirect($"/admin/content/{id}");
        },
        async () =>
        {
            await LoadAsync();
            return Page();
        });

    private async Task LoadAsync() =>
        Items = await Db.ContentItems.AsNoTracking().Where(i => i.DeletedAt != null).VisibleTo(Actor)
            .OrderByDescending(i => i.DeletedAt).Select(i => new Row(i.Id, i.Title, i.Kind, i.DeletedAt!.Value)).ToListAsync();
}
