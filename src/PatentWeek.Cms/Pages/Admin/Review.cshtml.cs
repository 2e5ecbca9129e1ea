using Microsoft.AspNetCore.Mvc;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Content.Staff;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Pages.Admin;

/// <summary>The review queue: everything submitted, oldest first, with approve and reject-with-comment.</summary>
public sealed class ReviewModel(CmsDbContext db, WorkflowService workflow, StaffContentQueries staff) : ItemPage(db)
{
    public List<StaffRow> Items { get; private set; } = [];

    /// <summary>The item whose reject was refused, so its comment field carries the message.</summary>
    public int? RejectedId { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostApproveAsync(int id) => StepAsync(
        async () =>
        {
            await workflow.ApproveAsync(Actor, id);
            TempData["Message"] = "已通过审核。";
            return RedirectToPage();
        },
        Reload);

    public Task<IActionResult> OnPostRejectAsync(int id, string? comment)
    {
        RejectedId = id;
        if (string.IsNullOrWhiteSpace(comment) || comment.Length > 2000)
        {
            ModelState.AddModelError("comment", "请填写退回意见（最多 2000 字）。");
            return Reload();
        }

        return StepAsync(
            async () =>
            {
                await workflow.RejectAsync(Actor, id, comment);
                TempData["Message"] = "已退回修改。";
                return RedirectToPage();
            },
            Reload);
    }

    private async Task<IActionResult> Reload()
    {
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() => Items = await staff.ReviewQueueAsync(Actor);
}
