using System.Globalization;
using System.Text.Json;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Campaign.Forms;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Campaign;

/// <summary>
/// A planned event made into an event item: a draft of the city's own, with the plan's name, day (09:00 Beijing time),
/// place, type and organiser, which then goes through review like a story and reaches the public calendar once published.
/// The plan keeps the item's id, so each planned event becomes one item at most.
/// </summary>
public sealed class PlanEventItems(CmsDbContext db, SubmissionService submissions, WorkflowService workflow, AuditLog audit, TimeProvider time)
{
    public async Task<int> CreateAsync(Actor actor, int edition, string city, int index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var slot = await submissions.LoadAsync(actor, edition, SubmissionKind.Plan, city, cancellationToken);
        SubmissionPermissions.EnsureCanWrite(actor, slot);
        var form = SubmissionService.FormOf<PlanForm>(slot);
        if (slot.Submission is not { } submission || index < 0 || index >= form.Events.Count)
            throw new WorkflowException(StatusCodes.Status404NotFound, CampaignRefusals.NoPlannedEvent());
        var planned = form.Events[index];
        if (planned.ItemId is { } existing)
            return existing;
        if (planned.Title is null || planned.Date is null)
            throw RequestValidationException.Incomplete(new Dictionary<string, Refusal>
            {
                [$"events[{index}].title"] = CampaignRefusals.Required("title"), [$"events[{index}].date"] = CampaignRefusals.Required("date"),
            });

        var item = await workflow.CreateAsync(actor, new ContentWriteRequest
        {
            Kind = "event",
            Title = planned.Title,
            City = city,
            Edition = edition,
            StartsAt = planned.Date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 09:00",
            Body = $"{planned.Organiser}主办。",
            Texts = TextValues.From(f => f == TextFields.Location ? planned.Place : f == TextFields.EventType ? planned.Type : f == TextFields.Organiser ? planned.Organiser : null),
        }, cancellationToken);

        // The link is bookkeeping, not a change of the plan's content: recorded, with its own step in the history.
        var events = form.Events.ToList();
        events[index] = planned with { ItemId = item.Id };
        submission.Data = JsonSerializer.Serialize(form with { Events = events }, SubmissionService.Json);
        submission.Version++;
        submission.UpdatedAt = time.GetUtcNow().UtcDateTime;
        submission.Versions.Add(new SubmissionVersion
        {
            Number = submission.Version, Step = "link", State = submission.State, Title = submission.Title, Data = submission.Data,
            At = submission.UpdatedAt, By = actor.Email,
        });
        audit.Record(actor, AuditAction.Create, $"content/{item.Id}", $"由{slot.Title}第 {index + 1} 场活动生成活动条目");
        await db.SaveChangesAsync(cancellationToken);
        return item.Id;
    }
}
