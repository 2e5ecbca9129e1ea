using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Campaign.Reminders;

/// <summary>
/// Sends the reminders: the scheduled ones (<see cref="RunScheduledAsync"/>, from the outbox job), and the office's
/// 提醒 button for some cities or for every city that owes something (<see cref="RemindAsync"/>).
/// </summary>
public sealed class ReminderService(CmsDbContext db, IReminderSender sender, AuditLog audit, IOptions<CampaignOptions> options, TimeProvider time)
{
    /// <summary>Sends every scheduled reminder due now, once; returns when the next one falls due (or null: none ahead).</summary>
    public async Task<DateTime?> RunScheduledAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        DateTime? next = null;
        foreach (var slot in await SlotsAsync(null, cancellationToken))
        {
            foreach (var reminder in ReminderPlan.For(slot, options.Value.ReminderDaysBefore))
            {
                if (ReminderPlan.Owes(slot) && ReminderPlan.Due(reminder, now))
                    await sender.SendAsync(slot.City.Code, slot.Link, reminder.Message, reminder.Key, cancellationToken);
                else if (reminder.At > now && (next is null || reminder.At < next))
                    next = reminder.At;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return next;
    }

    /// <summary>
    /// The office's reminder now, to the given cities (or every city that owes something) of an edition, for each task
    /// they owe; returns the cities reached. Pressed twice in the same minute, it sends once.
    /// </summary>
    public async Task<IReadOnlyList<string>> RemindAsync(Actor actor, int edition, IReadOnlyCollection<string>? cities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!CityRules.RoleAllows(actor, Operations.Publish))
            throw WorkflowException.Forbidden(CampaignRefusals.EditorsRemind());
        var known = await db.Cities.Select(c => c.Code).ToListAsync(cancellationToken);
        var unknown = (cities ?? []).Where(c => !known.Contains(c)).ToList();
        if (unknown.Count > 0)
            throw RequestValidationException.Field("cities", CampaignRefusals.NoSuchCity(string.Join(", ", unknown)));

        var now = time.GetUtcNow().UtcDateTime;
        var reached = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var slot in await SlotsAsync(edition, cancellationToken))
        {
            if ((cities is { Count: > 0 } && !cities.Contains(slot.City.Code)) || !ReminderPlan.Owes(slot))
                continue;
            var key = $"remind:{edition}:{SubmissionLifecycle.Name(slot.Kind)}:{slot.City.Code}:office:{now:yyyyMMddHHmm}";
            var message = $"省局提醒：请尽快提交{slot.Title}（截止 {Deadlines.DueOn(slot.Task, slot.City.Code):yyyy年M月d日}）。";
            await sender.SendAsync(slot.City.Code, slot.Link, message, key, cancellationToken);
            reached.Add(slot.City.Code);
        }

        audit.Record(actor, AuditAction.ReminderSend, $"edition/{edition}", reached.Count == 0 ? "没有需要提醒的市州" : "提醒：" + string.Join("、", reached));
        await db.SaveChangesAsync(cancellationToken);
        return [.. reached];
    }

    /// <summary>Every owed slot of the edition (all editions when null) whose task is open.</summary>
    private async Task<List<SubmissionSlot>> SlotsAsync(int? edition, CancellationToken cancellationToken)
    {
        var editions = await db.Editions.AsNoTracking().Where(e => edition == null || e.Number == edition).ToListAsync(cancellationToken);
        if (edition is not null && editions.Count == 0)
            throw new WorkflowException(StatusCodes.Status404NotFound, CampaignRefusals.NoSuchEdition());
        var ids = editions.Select(e => e.Id).ToList();
        var tasks = await db.CampaignTasks.AsNoTracking().Include(t => t.Extensions).Where(t => ids.Contains(t.EditionId)).ToListAsync(cancellationToken);
        var cities = await db.Cities.AsNoTracking().ToDictionaryAsync(c => c.Code, cancellationToken);
        var saved = await db.CitySubmissions.AsNoTracking().Where(s => ids.Contains(s.EditionId)).ToListAsync(cancellationToken);
        return [.. tasks.SelectMany(t => t.CityCodes.Where(cities.ContainsKey).Select(code => new SubmissionSlot(
            editions.Single(e => e.Id == t.EditionId), t, cities[code],
            saved.FirstOrDefault(s => s.EditionId == t.EditionId && s.Kind == t.Kind && s.CityCode == code))))];
    }
}
