using PatentWeek.Cms.Workflow;
using PatentWeek.Cms.Campaign;
using PatentWeek.Cms.Content;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Manage;

/// <summary>Notifications (each user's own) and the audit log (administrators).</summary>
public static class ManageApi
{
    public static IEndpointRouteBuilder MapManageApi(this IEndpointRouteBuilder app)
    {
        app.MapManageContentApi();
        app.MapCampaignApi();

        var notifications = app.MapGroup("/api/manage/v1/notifications").WithTags("Notifications").RequireAuthorization(Policies.Staff);
        notifications.MapGet("/", Notifications).WithSummary("My notifications, newest first");
        notifications.MapPost("/{notificationId:long}/read", MarkRead).WithSummary("Mark one of my notifications read")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var audit = app.MapGroup("/api/manage/v1/audit").WithTags("Audit").RequireAuthorization(Policies.Administrators);
        audit.MapGet("/", Audit).WithSummary("The audit log, newest first, filtered");
        return app;
    }

    public static async Task<Ok<List<NotificationDto>>> Notifications(ClaimsPrincipal principal, NotificationInbox inbox, CancellationToken cancellationToken)
    {
        var rows = await inbox.ListAsync(Actor.From(principal), 100, cancellationToken);
        return TypedResults.Ok(rows.Select(n => new NotificationDto(n.Id, BeijingTime.ToBeijing(n.At), n.Message, n.ContentItemId, n.ReadAt is not null)).ToList());
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> MarkRead(
        long notificationId, ClaimsPrincipal principal, NotificationInbox inbox, CancellationToken cancellationToken) =>
        await inbox.MarkReadAsync(Actor.From(principal), notificationId, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("You have no such notification.");

    public static async Task<Ok<List<AuditEntryDto>>> Audit(
        CmsDbContext db, CancellationToken cancellationToken,
        [FromQuery] string? action = null, [FromQuery] string? actor = null, [FromQuery] string? target = null, [FromQuery] int take = 200)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(action))
            query = query.Where(a => a.Action == action);
        if (!string.IsNullOrWhiteSpace(actor))
            query = query.Where(a => a.Actor == actor);
        if (!string.IsNullOrWhiteSpace(target))
            query = query.Where(a => a.Target == target);
        var rows = await query.OrderByDescending(a => a.Id).Take(Math.Clamp(take, 1, 1000)).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(a => new AuditEntryDto(a.Id, BeijingTime.ToBeijing(a.At), a.Actor, a.Action, a.Target, a.Detail, a.IpAddress)).ToList());
    }
}
