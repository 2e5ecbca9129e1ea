using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Delivery;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Manage;

/// <summary>
/// The management API for content. Roles are required per endpoint; city scoping and error mapping are
/// filters on the whole group, so no handler checks either by hand.
/// </summary>
public static class ManageContentApi
{
    public const long MaxWriteBytes = 2 * 1024 * 1024;

    public static IEndpointRouteBuilder MapManageContentApi(this IEndpointRouteBuilder app)
    {
        var content = app.MapGroup("/api/manage/v1/content")
            .WithTags("Manage content")
            .RequireAuthorization(Policies.Staff)
            .AddEndpointFilter<WorkflowExceptionFilter>()
            .AddEndpointFilter<ResourceScopeFilter<Data.Content.ContentItem>>()
            .RefuseNullBodies()
            // The largest legal write: a 200,000-character body, every character escaped (\uXXXX), plus the other fields.
            .WithJsonBodyLimit(MaxWriteBytes)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        content.MapGet("/", List).WithSummary("Items visible to me, filtered");
        content.MapPost("/", Create).RequireAuthorization(Policies.Authors).WithSummary("Create a draft");
        content.MapGet("/trash", Trash).RequireAuthorization(Policies.Authors).WithSummary("Items in the trash (30 days)");

        var item = content.MapGroup("/{id:int}").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        item.MapGet("/", Get).WithSummary("One item, as its editors see it");
        item.MapPut("/", Update).RequireAuthorization(Policies.Authors).WithSummary("Save an edit (needs the version)");
        item.MapDelete("/", Delete).RequireAuthorization(Policies.Authors).WithSummary("Move to the trash");
        item.MapPost("/submit", Submit).RequireAuthorization(Policies.Authors).WithSummary("Submit for review")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        item.MapPost("/approve", Approve).RequireAuthorization(Policies.Reviewers).WithSummary("Approve a submitted item");
        item.MapPost("/reject", Reject).RequireAuthorization(Policies.Reviewers).WithSummary("Send a submitted item back, with a comment");
        item.MapPost("/publish", Publish).RequireAuthorization(Policies.Publishers).WithSummary("Publish now, or at 'at'")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        item.MapPost("/unpublish", Unpublish).RequireAuthorization(Policies.Publishers).WithSummary("Unpublish now, or at 'at'");
        item.MapPost("/restore", Restore).RequireAuthorization(Policies.Authors).WithSummary("Take the item out of the trash");
        item.MapGet("/revisions", Revisions).WithSummary("Every saved version, newest first");
        item.MapPost("/preview-link", PreviewLink).WithSummary("A signed link that shows the unpublished item for 3 days");
        item.MapPost("/revisions/{number:int}/restore", RestoreRevision).RequireAuthorization(Policies.Authors)
            .WithSummary("Save an old revision again as the newest");
        return app;
    }

    public static async Task<Ok<PagedDto<ManageContentSummaryDto>>> List(
        ClaimsPrincipal principal, CmsDbContext db, CancellationToken cancellationToken,
        [FromQuery] string? state = null, [FromQuery] string? kind = null, [FromQuery] string? city = null, [FromQuery] string? q = null,
        [FromQuery] int page = 1, [FromQuery] int pageSize = 50)
    {
        var actor = Actor.From(principal);
        var errors = new Dictionary<string, string[]>();
        var query = db.ContentItems.AsNoTracking().Where(i => i.DeletedAt == null).VisibleTo(actor);
        if (state is not null)
        {
            if (ContentKinds.TryParseState(state, out var s))
                query = query.InState(s);
            else
                errors["state"] = ["state must be draft, submitted, approved, published or archived."];
        }

        if (kind is not null)
        {
            if (ContentKinds.TryParseKind(kind, out var k))
                query = query.Where(i => i.Kind == k);
            else
                errors["kind"] = [$"kind must be one of {string.Join(", ", ContentKinds.Names)}."];
        }

        if (city is not null)
            query = query.Where(i => i.CityCode == city);
        if (!string.IsNullOrWhiteSpace(q))
            query = query.Where(i => i.Title.Contains(q) || (i.Summary != null && i.Summary.Contains(q)) || i.Body.Contains(q));
        if (page < 1 || pageSize is < 1 or > 200)
            errors["page"] = ["page must be ≥ 1 and pageSize from 1 to 200."];
        if (errors.Count > 0)
            throw new RequestValidationException(errors);

        var total = await query.CountAsync(cancellationToken);
        var items = await SummariesAsync(
            query.OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id).Skip((page - 1) * pageSize).Take(pageSize), cancellationToken);
        return TypedResults.Ok(new PagedDto<ManageContentSummaryDto>(items, page, pageSize, total));
    }

    public static async Task<Ok<List<ManageContentSummaryDto>>> Trash(ClaimsPrincipal principal, CmsDbContext db, CancellationToken cancellationToken)
    {
        var actor = Actor.From(principal);
        return TypedResults.Ok(await SummariesAsync(
            db.ContentItems.AsNoTracking().Where(i => i.DeletedAt != null).VisibleTo(actor).OrderByDescending(i => i.DeletedAt), cancellationToken));
    }

    public static async Task<Created<ManageContentDto>> Create(
        ContentWriteRequest request, ClaimsPrincipal principal, WorkflowService workflow, CancellationToken cancellationToken)
    {
        var item = await workflow.CreateAsync(Actor.From(principal), request, cancellationToken);
        return TypedResults.Created($"/api/manage/v1/content/{item.Id}", ManageContentDto.From(item));
    }

    public static async Task<Ok<ManageContentDto>> Get(int id, ClaimsPrincipal principal, WorkflowService workflow, HttpContext http, CancellationToken cancellationToken)
    {
        var item = await workflow.LoadAsync(id, includeDeleted: true, cancellationToken);
        http.Response.Headers.ETag = $"\"{item.Version}\"";
        return TypedResults.Ok(ManageContentDto.From(item));
    }

    public static async Task<Ok<ManageContentDto>> Update(
        int id, ContentWriteRequest request, ClaimsPrincipal principal, WorkflowService workflow, HttpContext http, CancellationToken cancellationToken)
    {
        var version = request.Version ?? IfMatchVersion(http.Request);
        var item = await workflow.UpdateAsync(Actor.From(principal), id, request, version, cancellationToken);
        http.Response.Headers.ETag = $"\"{item.Version}\"";
        return TypedResults.Ok(ManageContentDto.From(item));
    }

    public static async Task<NoContent> Delete(int id, ClaimsPrincipal principal, WorkflowService workflow, CancellationToken cancellationToken)
    {
        await workflow.DeleteAsync(Actor.From(principal), id, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<ManageContentDto>> Submit(int id, ClaimsPrincipal principal, WorkflowService workflow, CancellationToken cancellationToken)
    {
        var (item, warnings) = await workflow.SubmitAsync(Actor.From(principal), id, cancellationToken);
        return TypedResults.Ok(ManageContentDto.From(item, warnings));
    }

    public static async Task<Ok<ManageContentDto>> Approve(int id, ClaimsPrincipal principal, WorkflowService workflow, CancellationToken cancellationToken) =>
        TypedResults.Ok(ManageContentDto.From(await workflow.ApproveAsync(Actor.From(principal), id, cancellationToken)));

    public static async Task<Results<Ok<ManageContentDto>, ValidationProblem>> Reject(
        int id, CommentRequest request, ClaimsPrincipal principal, WorkflowService workflow, CancellationToken cancellationToken)
    {
        if (Validation.Check(request) is { } invalid)
            return invalid;
        return TypedResults.Ok(ManageContentDto.From(await workflow.RejectAsync(Actor.From(principal), id, request.Comment!, cancellationToken)));
    }

    public static async Task<Ok<ManageContentDto>> Publish(
        int id, ScheduleRequest? request, ClaimsPrincipal principal, WorkflowService workflow, CancellationToken cancellationToken)
    {
        var (item, warnings) = await workflow.PublishAsync(Actor.From(principal), id, At(request), cancellationToken);
        return TypedResults.Ok(ManageContentDto.From(item, warnings));
    }

    public static async Task<Ok<ManageContentDto>> Unpublish(
        int id, ScheduleRequest? request, ClaimsPrincipal principal, WorkflowService workflow, CancellationToken cancellationToken) =>
        TypedResults.Ok(ManageContentDto.From(await workflow.UnpublishAsync(Actor.From(principal), id, At(request), cancellationToken)));

    public static async Task<Ok<ManageContentDto>> Restore(int id, ClaimsPrincipal principal, WorkflowService workflow, CancellationToken cancellationToken) =>
        TypedResults.Ok(ManageContentDto.From(await workflow.RestoreFromTrashAsync(Actor.From(principal), id, cancellationToken)));

    public static async Task<Ok<List<RevisionDto>>> Revisions(int id, CmsDbContext db, WorkflowService workflow, CancellationToken cancellationToken)
    {
        await workflow.LoadAsync(id, includeDeleted: true, cancellationToken);
        var rows = await db.Revisions.AsNoTracking().Where(r => r.ContentItemId == id).OrderByDescending(r => r.Number).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(r => new RevisionDto(r.Number, BeijingTime.ToBeijing(r.CreatedAt), r.CreatedBy, ContentFields.FromSnapshot(r.Snapshot))).ToList());
    }

    public static async Task<Ok<ManageContentDto>> RestoreRevision(
        int id, int number, ClaimsPrincipal principal, WorkflowService workflow, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(ManageContentDto.From(await workflow.RestoreRevisionAsync(Actor.From(principal), id, number, IfMatchVersion(http.Request), cancellationToken)));

    public static async Task<Ok<PreviewLinkDto>> PreviewLink(int id, WorkflowService workflow, PreviewLinks links, PublicUrls urls, CancellationToken cancellationToken)
    {
        await workflow.LoadAsync(id, cancellationToken: cancellationToken);
        var (token, expires) = links.Create(id);
        return TypedResults.Ok(new PreviewLinkDto(urls.Absolute("/preview/" + token), urls.Absolute("/api/v1/preview/" + token), expires.ToOffset(BeijingTime.Offset)));
    }

    private static async Task<List<ManageContentSummaryDto>> SummariesAsync(IQueryable<Data.Content.ContentItem> query, CancellationToken cancellationToken)
    {
        var rows = await query
            .Select(i => new { i.Id, i.Kind, Edition = i.Edition.Number, i.State, i.WorkingCopyState, i.Title, i.Slug, i.CityCode, i.UpdatedAt, i.PublishedAt, i.DeletedAt })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ManageContentSummaryDto(r.Id, r.Kind.ToName(), r.Edition, r.State.ToName(), r.WorkingCopyState?.ToName(),
            r.Title, r.Slug, r.CityCode, BeijingTime.ToBeijing(r.UpdatedAt), BeijingTime.ToBeijing(r.PublishedAt), BeijingTime.ToBeijing(r.DeletedAt))).ToList();
    }

    private static DateTime? At(ScheduleRequest? request)
    {
        if (string.IsNullOrWhiteSpace(request?.At))
            return null;
        return BeijingTime.TryParse(request.At, out var utc)
            ? utc
            : throw RequestValidationException.Field("at", Refusals.TimeFormat());
    }

    private static int? IfMatchVersion(HttpRequest request)
    {
        var tag = request.Headers.IfMatch.ToString().Trim().TrimStart('W', '/').Trim('"');
        return int.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }

}
