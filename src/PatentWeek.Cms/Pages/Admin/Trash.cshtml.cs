using Microsoft.AspNetCore.Mvc;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Content.Staff;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Pages.Admin;

public sealed class TrashModel(CmsDbContext db, WorkflowService workflow, StaffContentQueries staff) : ItemPage(db)
{
    public List<StaffRow> Items { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Whether 恢复 is shown: the rule that refuses the restore decides.</summary>
    public bool CanRestore(StaffRow row) => ContentPermissions.CanDelete(Actor, row, row.State, row.PublishedAt);

    public Task<IActionResult> OnPostRestoreAsync(int id) => StepAsync(
        async () =>
        {
            await workflow.RestoreFromTrashAsync(Actor, id);
            TempData["Message"] = "已恢复。";
            return LocalRedirect($"~/admin/content/{id}");
        },
        async () =>
        {
            await LoadAsync();
            return Page();
        });

    private async Task LoadAsync() => Items = await staff.TrashAsync(Actor);
}
