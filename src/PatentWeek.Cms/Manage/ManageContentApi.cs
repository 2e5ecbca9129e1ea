using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Staff;
using PatentWeek.Cms.Content.Types;
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

        content.MapGet("/", List).WithSummary("Items visible to me, filtered").ProducesValidationProblem();
        content.MapPost("/", Create).RequireAuthorization(Policies.Authors).WithSummary("Create a draft")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        content.MapGet("/trash", Trash).RequireAuthorization(Policies.Authors).WithSummary("Items in the trash (30 days)");

        // Each step declares what it answers besides 404: 409 where the item's state or version can refuse it, 422 where its words or pictures can.
        var item = content.MapGroup("/{id:int}").ProducesProblem(StatusCodes.Status404NotFound);
        item.MapGet("/", Get).WithSummary("One item, as its editors see it");
        item.MapPut("/", Update).RequireAuthorization(Policies.Authors).WithSummary("Save an edit (needs the version)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        item.MapDelete("/", Delete).RequireAuthorization(Policies.Authors).WithSummary("Move to the trash").ProducesProblem(StatusCodes.Status409Conflict);
        item.MapPost("/submit", Submit).RequireAuthorization(Policies.Authors).WithSummary("Submit for review")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        item.MapPost("/approve", Approve).RequireAuthorization(Policies.Reviewers).WithSummary("Approve a submitted item").ProducesProblem(StatusCodes.Status409Conflict);
        item.MapPost("/reject", Reject).RequireAuthorization(Policies.Reviewers).WithSummary("Send a submitted item back, with a comment").ProducesProblem(StatusCodes.Status409Conflict);
        item.MapPost("/publish", Publish).RequireAuthorization(Policies.Publishers).WithSummary("Publish now, or at 'at'")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        item.MapPost("/unpublish", Unpublish).RequireAuthorization(Policies.Publishers).WithSummary("Unpublish now, or at 'at'")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        item.MapPost("/restore", Restore).RequireAuthorization(Policies.Authors).WithSummary("Take the item out of the trash").ProducesProblem(StatusCodes.Status409Conflict);
        item.MapGet("/revisions", Revisions).WithSummary("Every saved version, newest first");
        item.MapPost("/preview-link", PreviewLink).WithSummary("A signed link that shows the unpublished item for 3 days");
        item.MapPost("/revisions/{number:int}/restore", RestoreRevision).RequireAuthorization(Policies.Authors)
            .WithSummary("Save an old revision again as the newest").ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Ok<PagedDto<ManageContentSummaryDto>>> List(
        ClaimsPrincipal principal, StaffContentQueries staff, CancellationToken cancellationToken,
        [FromQuery] string? state = null, [FromQuery, ContentKindName] string? kind = null, [FromQuery] string? city = null, [FromQuery] string? q = null,
        [FromQuery] int page = 1, [FromQuery] int pageSize = 50)
    {
        var filter = StaffFilter.Parse(state, kind, city, q, page, pageSize, out var errors);
        if (errors.Count > 0)
            throw StaffFilter.Refused(errors);
        var result = await staff.ListAsync(Actor.From(principal), filter, cancellationToken);
        return TypedResults.Ok(new PagedDto<ManageContentSummaryDto>([.. result.Items.Select(ManageContentSummaryDto.From)], result.Page, result.PageSize, result.Total));
    }

    public static async Task<Ok<List<ManageContentSummaryDto>>> Trash(ClaimsPrincipal principal, StaffContentQueries staff, CancellationToken cancellationToken) =>
        TypedResults.Ok((await staff.TrashAsync(Actor.From(principal), cancellationToken)).Select(ManageContentSummaryDto.From).ToList());

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
