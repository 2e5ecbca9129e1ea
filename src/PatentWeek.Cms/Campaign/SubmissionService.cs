using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Campaign.Forms;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Outbox;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Campaign;

/// <summary>
/// A city's plan and report as orchestration: find the slot (edition, task, city), ask who may
/// (<see cref="SubmissionPermissions"/>) and what the state allows (<see cref="SubmissionLifecycle"/>), check the form,
/// apply the move, and save it with its version, audit entry and notifications in one transaction.
/// </summary>
public sealed class SubmissionService(CmsDbContext db, AuditLog audit, Notifier notifier, DomainEvents events, TimeProvider time)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The slot the actor may see; a missing edition, city or task, or another city's slot, is 404.</summary>
    public async Task<SubmissionSlot> LoadAsync(Actor actor, int edition, SubmissionKind kind, string city, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var slot = await FindAsync(edition, kind, city, cancellationToken);
        SubmissionPermissions.EnsureCanRead(actor, slot);
        return slot;
    }

    /// <summary>The slot whoever asks, for the jobs (reminders) and the read model; 404 when it does not exist.</summary>
    public async Task<SubmissionSlot> FindAsync(int edition, SubmissionKind kind, string city, CancellationToken cancellationToken)
    {
        var found = await db.Editions.FirstOrDefaultAsync(e => e.Number == edition, cancellationToken)
            ?? throw new WorkflowException(StatusCodes.Status404NotFound, CampaignRefusals.NoSuchEdition());
        var owner = await db.Cities.FirstOrDefaultAsync(c => c.Code == city, cancellationToken)
            ?? throw new WorkflowException(StatusCodes.Status404NotFound, CampaignRefusals.NoSuchCity(city));
        var task = await db.CampaignTasks.Include(t => t.Extensions).FirstOrDefaultAsync(t => t.EditionId == found.Id && t.Kind == kind, cancellationToken)
            ?? throw new WorkflowException(StatusCodes.Status404NotFound, CampaignRefusals.NoTask(SubmissionLifecycle.Name(kind)));
        if (!task.CityCodes.Contains(owner.Code))
            throw new WorkflowException(StatusCodes.Status404NotFound, CampaignRefusals.NotOwed());
        var submission = await db.CitySubmissions.FirstOrDefaultAsync(s => s.EditionId == found.Id && s.Kind == kind && s.CityCode == owner.Code, cancellationToken);
        return new SubmissionSlot(found, task, owner, submission);
    }

    /// <summary>The form as saved (an empty one while missing).</summary>
    public static TForm FormOf<TForm>(SubmissionSlot slot)
        where TForm : ISubmissionForm<TForm>, new()
    {
        ArgumentNullException.ThrowIfNull(slot);
        return slot.Submission is { } s ? JsonSerializer.Deserialize<TForm>(s.Data, Json) ?? new TForm() : new TForm();
    }

    /// <summary>Saves the city's form as its draft (or its returned copy). Wrong fields are 400 and nothing is stored; fields not yet filled are fine.</summary>
    public async Task<SubmissionSlot> SaveAsync<TForm>(Actor actor, int edition, string city, int? version, TForm form, CancellationToken cancellationToken)
        where TForm : ISubmissionForm<TForm>, new()
    {
        ArgumentNullException.ThrowIfNull(form);
        var slot = await LoadAsync(actor, edition, TForm.Kind, city, cancellationToken);
        SubmissionPermissions.EnsureCanWrite(actor, slot);
        var to = SubmissionLifecycle.Fire(slot.Submission, SubmissionStep.Save);
        EnsureVersion(slot.Submission, version, required: true);

        var check = new FormCheck();
        var cleaned = form.Check(await ContextAsync(slot, form.Files, cancellationToken), slot.City.Code, check);
        if (check.Invalid.Count > 0)
            throw RequestValidationException.From([], check.Invalid);

        var data = JsonSerializer.Serialize(cleaned, Json);
        var now = time.GetUtcNow().UtcDateTime;
        var submission = slot.Submission;
        if (submission is null)
        {
            submission = new CitySubmission
            {
                EditionId = slot.Edition.Id, Kind = slot.Kind, CityCode = slot.City.Code, Title = slot.Title, Data = data,
                CreatedAt = now, UpdatedAt = now, UpdatedBy = actor.Email,
            };
            db.CitySubmissions.Add(submission);
        }
        else if (submission.Data == data && submission.Title == slot.Title)
        {
            return slot;
        }

        submission.Data = data;
        submission.Title = slot.Title;
        submission.State = SubmissionLifecycle.Stored(to);
        Touch(submission, actor, now);
        AddVersion(submission, "save", actor, now);
        audit.Record(actor, AuditAction.SubmissionSave, Target(slot), $"{slot.Title}：保存（第 {submission.Version} 版）");
        await SaveAsync(cancellationToken);
        return slot with { Submission = submission };
    }

    /// <summary>
    /// Submits what was saved. Every field the form still lacks (the stamped scan, a section, a metric, too few events) is
    /// named in one 422, and nothing changes, so the draft stays as it was; a first submission after the due time is flagged
    /// late, never refused.
    /// </summary>
    public async Task<SubmissionSlot> SubmitAsync<TForm>(Actor actor, int edition, string city, int? version, CancellationToken cancellationToken)
        where TForm : ISubmissionForm<TForm>, new()
    {
        var slot = await LoadAsync(actor, edition, TForm.Kind, city, cancellationToken);
        SubmissionPermissions.EnsureCanWrite(actor, slot);
        var to = SubmissionLifecycle.Fire(slot.Submission, SubmissionStep.Submit);
        EnsureVersion(slot.Submission, version, required: false);
        var form = FormOf<TForm>(slot);
        var check = new FormCheck();
        form.Check(await ContextAsync(slot, form.Files, cancellationToken), slot.City.Code, check);
        var lacking = new Dictionary<string, Refusal>(check.Missing, StringComparer.Ordinal);
        foreach (var (field, refusal) in check.Invalid)
            lacking.TryAdd(field, refusal);
        if (lacking.Count > 0)
            throw RequestValidationException.Incomplete(lacking);

        var submission = slot.Submission!;
        var now = time.GetUtcNow().UtcDateTime;
        submission.FirstSubmittedAt ??= now;
        submission.SubmittedAt = now;
        submission.State = SubmissionLifecycle.Stored(to);
        Touch(submission, actor, now);
        AddVersion(submission, "submit", actor, now);
        var submitted = slot with { Submission = submission };
        var late = submitted.Late ? "（逾期）" : "";
        audit.Record(actor, AuditAction.SubmissionSubmit, Target(slot), $"{slot.Title}：提交{late}");
        await notifier.OfficeAsync(slot.Link, $"{slot.City.Name}提交了{SubmissionLifecycle.Label(slot.Kind)}{late}：{slot.Title}");
        await SaveAsync(cancellationToken);
        return submitted;
    }

    /// <summary>Sends a submitted plan or report back to the city with what to fix; the city sees the comment.</summary>
    public async Task<SubmissionSlot> ReturnAsync(Actor actor, int edition, SubmissionKind kind, string city, string? comment, CancellationToken cancellationToken)
    {
        var slot = await LoadAsync(actor, edition, kind, city, cancellationToken);
        SubmissionPermissions.EnsureCanReview(actor, slot);
        var to = SubmissionLifecycle.Fire(slot.Submission, SubmissionStep.Return);
        var text = comment?.Trim();
        if (string.IsNullOrEmpty(text))
            throw RequestValidationException.Field("comment", CampaignRefusals.CommentRequired());
        if (text.Length > 2000)
            throw RequestValidationException.Field("comment", CampaignRefusals.TooLong(2000));

        var submission = slot.Submission!;
        var now = time.GetUtcNow().UtcDateTime;
        submission.State = SubmissionLifecycle.Stored(to);
        submission.ReturnedAt = now;
        submission.ReviewComment = text;
        Touch(submission, actor, now);
        AddVersion(submission, "return", actor, now, text);
        audit.Record(actor, AuditAction.SubmissionReturn, Target(slot), $"{slot.Title}：退回。意见：{text}");
        await notifier.CityAsync(slot.City.Code, slot.Link, $"{SubmissionLifecycle.Label(kind)}被退回：{text}");
        await SaveAsync(cancellationToken);
        return slot with { Submission = submission };
    }

    public async Task<SubmissionSlot> AcceptAsync(Actor actor, int edition, SubmissionKind kind, string city, CancellationToken cancellationToken)
    {
        var slot = await LoadAsync(actor, edition, kind, city, cancellationToken);
        SubmissionPermissions.EnsureCanReview(actor, slot);
        var to = SubmissionLifecycle.Fire(slot.Submission, SubmissionStep.Accept);
        var submission = slot.Submission!;
        var now = time.GetUtcNow().UtcDateTime;
        submission.State = SubmissionLifecycle.Stored(to);
        submission.AcceptedAt = now;
        Touch(submission, actor, now);
        AddVersion(submission, "accept", actor, now);
        audit.Record(actor, AuditAction.SubmissionAccept, Target(slot), $"{slot.Title}：通过{(slot.Late ? "（逾期提交）" : "")}");
        await notifier.CityAsync(slot.City.Code, slot.Link, $"{SubmissionLifecycle.Label(kind)}已通过：{slot.Title}");
        await SaveAsync(cancellationToken);
        return slot with { Submission = submission };
    }

    /// <summary>
    /// Shows (or hides) an accepted report's highlights on the city's public page: editors and administrators, accepted
    /// reports only. What is shown is <see cref="Results.CampaignResults"/>' rule.
    /// </summary>
    public async Task<SubmissionSlot> SetPublicAsync(Actor actor, int edition, string city, bool shown, CancellationToken cancellationToken)
    {
        var slot = await LoadAsync(actor, edition, SubmissionKind.Report, city, cancellationToken);
        if (!CityRules.Allows(actor, Operations.Publish, slot))
            throw WorkflowException.Forbidden(Refusals.EditorsPublish());
        if (slot.Status != SubmissionStatus.Accepted)
            throw WorkflowException.Illegal(CampaignRefusals.AcceptFirst());
        var submission = slot.Submission!;
        if (submission.IsPublic == shown)
            return slot;
        submission.IsPublic = shown;
        audit.Record(actor, AuditAction.ResultsPublish, Target(slot), shown ? $"{slot.Title}：在网站公开成效和亮点" : $"{slot.Title}：取消公开");
        events.Raise(new Results.CampaignResultsChanged(edition, city));
        await SaveAsync(cancellationToken);
        await events.RunSavedAsync();
        return slot;
    }

    /// <summary>Every version, newest first, each with what changed from the one before it.</summary>
    public async Task<IReadOnlyList<(SubmissionVersion Version, IReadOnlyList<FieldChange> Changes)>> HistoryAsync(SubmissionSlot slot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slot);
        if (slot.Submission is null)
            return [];
        var versions = await db.SubmissionVersions.AsNoTracking().Where(v => v.CitySubmissionId == slot.Submission.Id)
            .OrderBy(v => v.Number).ToListAsync(cancellationToken);
        return [.. versions.Select((v, i) => (v, SubmissionDiff.Between(i == 0 ? null : versions[i - 1].Data, v.Data))).Reverse()];
    }

    /// <summary>
    /// What a form is checked against: the edition's dates (from the first task's opening to the last due day, the week
    /// included), the city's event minimum, the edition's metrics and the files the form names.
    /// </summary>
    public async Task<FormContext> ContextAsync(SubmissionSlot slot, IEnumerable<int> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slot);
        var tasks = await db.CampaignTasks.AsNoTracking().Include(t => t.Extensions).Where(t => t.EditionId == slot.Edition.Id).ToListAsync(cancellationToken);
        var from = tasks.Select(t => t.OpensOn).Append(slot.Edition.WeekStart).Min();
        var to = tasks.SelectMany(t => t.Extensions.Select(x => x.DueOn).Append(t.DueOn)).Append(slot.Edition.WeekEnd).Max();
        var quota = await db.EventQuotas.AsNoTracking().Where(q => q.EditionId == slot.Edition.Id && q.CityCode == slot.City.Code)
            .Select(q => (int?)q.MinimumEvents).FirstOrDefaultAsync(cancellationToken);
        var metrics = await db.CampaignMetrics.AsNoTracking().Where(m => m.EditionId == slot.Edition.Id).OrderBy(m => m.SortOrder).ToListAsync(cancellationToken);
        var ids = files.Distinct().ToList();
        var attached = await db.MediaAssets.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new AttachedFile(m.Id, m.Kind, m.ContentType, m.OriginalName, m.CityCode)).ToDictionaryAsync(f => f.Id, cancellationToken);
        return new FormContext(from, to, EventMinimum.Of(slot.City, quota), metrics, attached);
    }

    private static void EnsureVersion(CitySubmission? submission, int? version, bool required)
    {
        if (submission is null)
            return;
        if (version is null && required)
            throw RequestValidationException.Field("version", Refusals.VersionMissing());
        if (version is { } given && given != submission.Version)
            throw new WorkflowException(StatusCodes.Status409Conflict, CampaignRefusals.StaleVersion(), new Dictionary<string, object?> { ["current"] = submission.Version });
    }

    private static void Touch(CitySubmission submission, Actor actor, DateTime now)
    {
        submission.Version++;
        submission.UpdatedAt = now;
        submission.UpdatedBy = actor.Email;
    }

    private static void AddVersion(CitySubmission submission, string step, Actor actor, DateTime now, string? comment = null) =>
        submission.Versions.Add(new SubmissionVersion
        {
            Number = submission.Version, Step = step, State = submission.State, Title = submission.Title, Data = submission.Data,
            At = now, By = actor.Email, Comment = comment,
        });

    private static string Target(SubmissionSlot slot) => $"{SubmissionLifecycle.Name(slot.Kind)}/{slot.Edition.Number}/{slot.City.Code}";

    /// <summary>Saves, answering a concurrent change (another save, or two first saves of one slot at once) as 409.</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException or DbUpdateException)
        {
            throw new WorkflowException(StatusCodes.Status409Conflict, CampaignRefusals.StaleVersion());
        }
    }
}
