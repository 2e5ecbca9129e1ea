using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Campaign;

/// <summary>
/// The office's later due day for one city (editors and administrators), with its reason, audited. A later grant
/// replaces the earlier; a city's lateness is judged against the day it was granted (<see cref="Deadlines"/>).
/// </summary>
public sealed class DeadlineExtensionService(CmsDbContext db, AuditLog audit, TimeProvider time)
{
    public const int MaxReason = 500;

    public async Task<DeadlineExtension> ExtendAsync(Actor actor, int edition, SubmissionKind kind, string city, DateOnly? dueOn, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!CityRules.RoleAllows(actor, Operations.Publish))
            throw WorkflowException.Forbidden(CampaignRefusals.EditorsExtend());
        var task = await db.CampaignTasks.Include(t => t.Extensions)
            .FirstOrDefaultAsync(t => t.Kind == kind && db.Editions.Any(e => e.Id == t.EditionId && e.Number == edition), cancellationToken)
            ?? throw new WorkflowException(StatusCodes.Status404NotFound, CampaignRefusals.NoTask(SubmissionLifecycle.Name(kind)));
        if (!task.CityCodes.Contains(city))
            throw new WorkflowException(StatusCodes.Status404NotFound, CampaignRefusals.NotOwed());

        var errors = new Dictionary<string, Refusal>();
        if (dueOn is not { } day)
            errors["dueOn"] = CampaignRefusals.Required("dueOn");
        else if (day <= task.DueOn)
            errors["dueOn"] = CampaignRefusals.ExtendLater(task.DueOn);
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text))
            errors["reason"] = CampaignRefusals.ReasonRequired();
        else if (text.Length > MaxReason)
            errors["reason"] = CampaignRefusals.TooLong(MaxReason);
        if (errors.Count > 0)
            throw RequestValidationException.From([], errors);

        var extension = task.Extensions.FirstOrDefault(x => x.CityCode == city);
        var before = extension?.DueOn ?? task.DueOn;
        if (extension is null)
        {
            extension = new DeadlineExtension { CityCode = city, DueOn = dueOn!.Value, Reason = text!, GrantedBy = actor.Email };
            task.Extensions.Add(extension);
        }

        extension.DueOn = dueOn!.Value;
        extension.Reason = text!;
        extension.GrantedBy = actor.Email;
        extension.GrantedAt = time.GetUtcNow().UtcDateTime;
        audit.Record(actor, AuditAction.DeadlineExtend, $"{SubmissionLifecycle.Name(kind)}/{edition}/{city}",
            $"{SubmissionLifecycle.Label(kind)}截止日 {before:yyyy-MM-dd} → {extension.DueOn:yyyy-MM-dd}。理由：{text}");
        await db.SaveChangesAsync(cancellationToken);
        return extension;
    }
}
