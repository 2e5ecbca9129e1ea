using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Data.WeChat;
using PatentWeek.Cms.Delivery;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.WeChat;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Pages.Admin.Content;

/// <summary>One item: its state, its editable version rendered, and the workflow steps this person may take.</summary>
public sealed class ItemModel(CmsDbContext db, WorkflowService workflow, CrossPosts crossPosts, ResourceAuthorization access) : ItemPage(db)
{
    public ContentItem Item { get; private set; } = null!;
    public ContentFields Fields { get; private set; } = null!;
    public string Html { get; private set; } = "";
    public string? CityName { get; private set; }
    public string PublicUrl { get; private set; } = "";
    public bool CanEdit { get; private set; }
    public bool CanDelete { get; private set; }

    /// <summary>What the authorization handler lets this person do to the item (who they are); the buttons ask it, not the roles.</summary>
    private IReadOnlySet<string> _allowed = new HashSet<string>();

    /// <summary>Shown to those who may cross-post, on a published item: its latest cross-post, if any.</summary>
    public bool ShowWeChat => May(Operations.CrossPost) && Item.State == ContentState.Published;
    public WeChatPost? WeChatPost { get; private set; }

    /// <summary>What a click on the WeChat button would meet: the cross-post rule decides, the page only shows it.</summary>
    public CrossPostRequest? WeChatStanding { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        await LoadAsync(id);
        return Page();
    }

    public Task<IActionResult> OnPostSubmitAsync(int id) => Step(id, "已提交审核。", () => workflow.SubmitAsync(Actor, id));

    public Task<IActionResult> OnPostApproveAsync(int id) => Step(id, "已通过审核。", () => workflow.ApproveAsync(Actor, id));

    public Task<IActionResult> OnPostRejectAsync(int id, string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment) || comment.Length > 2000)
        {
            ModelState.AddModelError("comment", "请填写退回意见（最多 2000 字）。");
            return Refused(id);
        }

        return Step(id, "已退回修改。", () => workflow.RejectAsync(Actor, id, comment));
    }

    public Task<IActionResult> OnPostPublishAsync(int id, string? at) =>
        Step(id, string.IsNullOrWhiteSpace(at) ? "已发布。" : "已设置定时发布。", async () => await workflow.PublishAsync(Actor, id, Time(at)));

    public Task<IActionResult> OnPostUnpublishAsync(int id, string? at) =>
        Step(id, string.IsNullOrWhiteSpace(at) ? "已撤下。" : "已设置定时撤下。", async () => await workflow.UnpublishAsync(Actor, id, Time(at)));

    public IActionResult OnPostPreviewLink(int id, [FromServices] PreviewLinks links, [FromServices] PublicUrls urls)
    {
        TempData["PreviewUrl"] = urls.Absolute("/preview/" + links.Create(id).Token);
        return LocalRedirect($"~/admin/content/{id}");
    }

    public Task<IActionResult> OnPostDeleteAsync(int id) => StepAsync(
        async () =>
        {
            await workflow.DeleteAsync(Actor, id);
            TempData["Message"] = "已移到回收站，30 天内可恢复。";
            return LocalRedirect("~/admin/trash");
        },
        () => Refused(id));

    /// <summary>
    /// Which buttons to show: who may take the step is the authorization handler's answer (<see cref="May"/>), what the
    /// state allows the lifecycle's (<see cref="Next"/>, the same table the workflow refuses by, so 发布 shows only where
    /// publishing would pass). The workflow checks both again when one is pressed.
    /// </summary>
    public bool Can(string step) => step switch
    {
        "submit" => May(Operations.Submit) && Next.Contains(ContentStep.Submit),
        "review" => May(Operations.Review) && Next.Contains(ContentStep.Approve),
        "publish" => May(Operations.Publish) && Next.Contains(ContentStep.Publish),
        "unpublish" => May(Operations.Publish) && Next.Contains(ContentStep.Unpublish),
        _ => false,
    };

    /// <summary>The steps the item's state allows next for this person.</summary>
    public IReadOnlyList<ContentStep> Next { get; private set; } = [];

    private bool May(OperationAuthorizationRequirement operation) => _allowed.Contains(operation.Name);

    /// <summary>Whether the workflow's own rule lets the step through (it refuses by throwing).</summary>
    private static bool Permits(Action rule)
    {
        try
        {
            rule();
            return true;
        }
        catch (WorkflowException)
        {
            return false;
        }
    }

    private async Task<IActionResult> Step<T>(int id, string done, Func<Task<T>> action) => await StepAsync(
        async () =>
        {
            await action();
            TempData["Message"] = done;
            return LocalRedirect($"~/admin/content/{id}");
        },
        () => Refused(id));

    private async Task<IActionResult> Refused(int id)
    {
        await LoadAsync(id);
        return Page();
    }

    private static DateTime? Time(string? at)
    {
        if (string.IsNullOrWhiteSpace(at))
            return null;
        return BeijingTime.TryParse(at, out var utc) ? utc : throw RequestValidationException.Field("at", Refusals.TimeFormat());
    }

    private async Task LoadAsync(int id)
    {
        Item = await workflow.LoadAsync(id);
        Next = workflow.Next(Actor, Item);
        _allowed = await access.AllowedAsync(User, Item,
            Operations.Edit, Operations.Submit, Operations.Review, Operations.Publish, Operations.CrossPost);

        Fields = WorkflowService.Editable(Item);
        Html = WorkingCopy.Of(Item)?.Html ?? Item.Html;
        CityName = Item.CityCode is null ? null : await Db.Cities.Where(c => c.Code == Item.CityCode).Select(c => c.Name).FirstOrDefaultAsync();
        PublicUrl = ContentQueries.Url(Item.Edition, Item.Kind, Item.Slug);
        WeChatPost = ShowWeChat
            ? await Db.WeChatPosts.AsNoTracking().Include(p => p.Items).Where(p => p.Items.Any(i => i.ContentItemId == id))
                .OrderByDescending(p => p.Id).FirstOrDefaultAsync()
            : null;
        WeChatStanding = ShowWeChat ? await crossPosts.StandingAsync(Item, HttpContext.RequestAborted) : null;
        CanEdit = May(Operations.Edit) && Permits(() => ContentPermissions.EnsureCanEdit(Actor, Item));
        CanDelete = ContentPermissions.CanDelete(Actor, Item, Item.State, Item.PublishedAt);
    }
}
