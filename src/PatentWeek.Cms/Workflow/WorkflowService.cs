using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Media;
using PatentWeek.Cms.Outbox;

namespace PatentWeek.Cms.Workflow;

/// <summary>
/// The editorial workflow as orchestration: load the item, ask who may (<see cref="ContentPermissions"/>) and what
/// the state allows (<see cref="ContentLifecycle"/>, which also says which version a step acts on), apply the move,
/// then write its audit entry, notifications and outbox jobs in the same transaction as the change, and raise an
/// event when what the public sees changed (its handlers run right after the commit).
/// </summary>
public sealed class WorkflowService(
    CmsDbContext db,
    ContentWriter writer,
    AuditLog audit,
    Notifier notifier,
    SensitiveWords words,
    MediaChecks media,
    OutboxWriter outbox,
    DomainEvents events,
    TimeProvider time)
{
    public const string PublishJob = "content.publish";
    public const string UnpublishJob = "content.unpublish";
    public static readonly TimeSpan TrashRetention = ContentLifecycle.TrashRetention;

    public async Task<ContentItem> LoadAsync(int id, bool includeDeleted = false, CancellationToken cancellationToken = default) =>
        await FindAsync(id, cancellationToken, includeDeleted) ?? throw WorkflowException.NotFound();

    private Task<ContentItem?> FindAsync(int id, CancellationToken cancellationToken, bool includeDeleted = false) =>
        db.ContentItems.Include(i => i.Tags).Include(i => i.Media).Include(i => i.Edition)
            .FirstOrDefaultAsync(i => i.Id == id && (includeDeleted || i.DeletedAt == null), cancellationToken);

    /// <summary>What the actor can do next with the item as far as its state goes; the admin shows its buttons by it.</summary>
    public IReadOnlyList<ContentStep> Next(Actor actor, ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ContentLifecycle.Next(item, Context(item, actor));
    }

    public async Task<ContentItem> CreateAsync(Actor actor, ContentWriteRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!ContentKinds.TryParseKind(request.Kind, out var kind))
            throw RequestValidationException.Field("kind", Refusals.KindUnknown());

        var edition = request.Edition is { } number
            ? await db.Editions.FirstOrDefaultAsync(e => e.Number == number, cancellationToken)
            : await db.Editions.OrderByDescending(e => e.IsCurrent).ThenByDescending(e => e.Number).FirstOrDefaultAsync(cancellationToken);
        if (edition is null)
            throw RequestValidationException.Field("edition", Refusals.EditionUnknown());

        var fields = ContentRequestMapper.ToFields(request, kind, edition.Number, ContentState.Draft, null, await CityCodesAsync(cancellationToken), Today());
        ContentPermissions.EnsureCanCreate(actor, kind, fields.City);
        if (string.IsNullOrWhiteSpace(request.Slug))
        {
            // A generated slug that is taken gets a number, as a second "Launch" post becomes launch-2.
            fields = fields with { Slug = await UniqueSlugAsync(edition.Id, kind, fields.Slug, cancellationToken) };
        }

        await EnsureSlugFreeAsync(edition.Id, kind, fields.Slug, null, cancellationToken);
        await media.EnsureReferencesAsync(actor, fields, cancellationToken);

        var item = writer.Create(fields, edition, actor.Email);
        item.CreatedById = actor.Id;
        db.ContentItems.Add(item);
        // The audit entry names the new id, so the item is saved first — in the same transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(actor, AuditAction.Create, Target(item), item.Title);
        events.Raise(new ContentEdited(item.Id));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await events.RunSavedAsync();
        return item;
    }

    /// <summary>Saves an edit. A published item keeps its live version and gets (or updates) a working copy.</summary>
    public async Task<ContentItem> UpdateAsync(Actor actor, int id, ContentWriteRequest request, int? version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var item = await LoadAsync(id, cancellationToken: cancellationToken);
        if (version is null)
            throw RequestValidationException.Field("version", Refusals.VersionMissing());
        if (version != item.Version)
            throw Stale(item, request);
        ContentPermissions.EnsureCanEdit(actor, item);

        var current = Editable(item);
        var fields = ContentRequestMapper.ToFields(request, item.Kind, item.Edition.Number, current.State, current.Slug, await CityCodesAsync(cancellationToken), Today());
        if (actor.IsCityBound && fields.City != actor.CityCode)
            throw WorkflowException.Forbidden(Refusals.KeepOwnCity());
        await EnsureSlugFreeAsync(item.EditionId, item.Kind, fields.Slug, item.Id, cancellationToken);
        await media.EnsureReferencesAsync(actor, fields, cancellationToken);
        fields = fields with { IsSample = item.IsSample, PublishedAt = item.PublishedAt, State = item.State };

        SaveEdit(actor, item, fields);
        audit.Record(actor, AuditAction.Update, Target(item), $"版本 {item.Version}");
        await SaveAsync(item, cancellationToken);
        return item;
    }

    public async Task<(ContentItem Item, IReadOnlyList<WordHit> Warnings)> SubmitAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var item = await LoadAsync(id, cancellationToken: cancellationToken);
        ContentPermissions.EnsureCanSubmit(actor, item);
        var move = ContentLifecycle.Ensure(item, ContentStep.Submit, Context(item, actor));
        var warnings = await words.EnsureAllowedAsync(Editable(item), cancellationToken);

        Apply(item, move);
        item.ReviewComment = null;
        await notifier.ReviewersAsync(item, $"待审核：《{Editable(item).Title}》");
        audit.Record(actor, AuditAction.Submit, Target(item));
        await SaveAsync(item, cancellationToken);
        return (item, warnings);
    }

    public async Task<ContentItem> ApproveAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        ContentPermissions.EnsureCanReview(actor);
        var item = await LoadAsync(id, cancellationToken: cancellationToken);
        Apply(item, ContentLifecycle.Ensure(item, ContentStep.Approve, Context(item, actor)));
        notifier.Author(item, ContentLifecycle.AuthorOf(item), $"已通过审核：《{Editable(item).Title}》");
        audit.Record(actor, AuditAction.Approve, Target(item));
        await SaveAsync(item, cancellationToken);
        return item;
    }

    public async Task<ContentItem> RejectAsync(Actor actor, int id, string comment, CancellationToken cancellationToken = default)
    {
        ContentPermissions.EnsureCanReview(actor);
        // The comment goes into the item, the author's notification and the audit log.
        Infrastructure.ControlCharacters.Ensure("comment", comment);
        var item = await LoadAsync(id, cancellationToken: cancellationToken);
        Apply(item, ContentLifecycle.Ensure(item, ContentStep.Reject, Context(item, actor)));
        item.ReviewComment = comment.Trim();
        notifier.Author(item, ContentLifecycle.AuthorOf(item), $"已退回修改：《{Editable(item).Title}》：{item.ReviewComment}");
        audit.Record(actor, AuditAction.Reject, Target(item), item.ReviewComment);
        await SaveAsync(item, cancellationToken);
        return item;
    }

    /// <summary>Publishes now, or schedules the publish when <paramref name="at"/> is in the future.</summary>
    public async Task<(ContentItem Item, IReadOnlyList<WordHit> Warnings)> PublishAsync(Actor actor, int id, DateTime? at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var item = await LoadAsync(id, cancellationToken: cancellationToken);
        // Nothing to publish is answered before who asks; whether the state allows it for this person after.
        ContentLifecycle.EnsureHas(item, ContentStep.Publish);
        var isCopy = ContentLifecycle.ActsOnCopy(item, ContentStep.Publish);
        ContentPermissions.EnsureCanPublish(actor, item, ContentLifecycle.StateFor(item, ContentStep.Publish), ContentLifecycle.AuthorOf(item));
        var warnings = await words.EnsureAllowedAsync(Editable(item), cancellationToken);
        await media.EnsureAltTextAsync(Editable(item), isCopy ? WorkingCopy.Of(item)!.Html : item.Html, cancellationToken);

        if (at is { } when && when > time.GetUtcNow().UtcDateTime)
        {
            ContentLifecycle.Ensure(item, ContentStep.SchedulePublish, Context(item, actor));
            await outbox.CancelAsync(PublishJob, Target(item), cancellationToken);
            item.ScheduledPublishAt = when;
            writer.Touch(item);
            // The job publishes exactly this version: any later change (an edit, a step) voids it.
            outbox.Enqueue(PublishJob, new ScheduledJob(item.Id, actor.Email, item.Version), when, Target(item));
            audit.Record(actor, AuditAction.SchedulePublish, Target(item), Infrastructure.BeijingTime.Format(when));
            await SaveAsync(item, cancellationToken);
            return (item, warnings);
        }

        await PublishNowAsync(actor.Email, item, isCopy, cancellationToken);
        return (item, warnings);
    }

    /// <summary>Runs a scheduled publish. Idempotent: an item already published without pending changes is left alone.</summary>
    public async Task RunScheduledPublishAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var item = await FindAsync(job.ItemId, cancellationToken);
        if (item is null || item.ScheduledPublishAt is null)
            return;
        var by = $"scheduler ({job.By})";
        if (item.Version != job.Version)
        {
            // Changed since it was scheduled: publishing now would publish something nobody approved for this time.
            audit.Record(by, AuditAction.ScheduleVoid, Target(item), $"定时发布的是版本 {job.Version}，内容现为版本 {item.Version}");
            item.ScheduledPublishAt = null;
            writer.Touch(item);
            await SaveAsync(item, cancellationToken);
            return;
        }

        var isCopy = ContentLifecycle.ActsOnCopy(item, ContentStep.Publish);
        var hits = await words.FindAsync(Editable(item), cancellationToken);
        if (hits.Any(h => h.Level == "block"))
        {
            item.ScheduledPublishAt = null;
            writer.Touch(item);
            audit.Record(by, AuditAction.ScheduleVoid, Target(item), "含禁用词：" + string.Join("、", hits.Where(h => h.Level == "block").Select(h => h.Word).Distinct()));
            await SaveAsync(item, cancellationToken);
            return;
        }

        await PublishNowAsync(by, item, isCopy, cancellationToken);
    }

    public async Task<ContentItem> UnpublishAsync(Actor actor, int id, DateTime? at, CancellationToken cancellationToken = default)
    {
        ContentPermissions.EnsureEditorial(actor);
        var item = await LoadAsync(id, cancellationToken: cancellationToken);
        if (at is { } when && when > time.GetUtcNow().UtcDateTime)
        {
            ContentLifecycle.Ensure(item, ContentStep.ScheduleUnpublish, Context(item, actor));
            await outbox.CancelAsync(UnpublishJob, Target(item), cancellationToken);
            item.ScheduledUnpublishAt = when;
            writer.Touch(item);
            outbox.Enqueue(UnpublishJob, new ScheduledJob(item.Id, actor.Email, null), when, Target(item));
            audit.Record(actor, AuditAction.ScheduleUnpublish, Target(item), Infrastructure.BeijingTime.Format(when));
            await SaveAsync(item, cancellationToken);
            return item;
        }

        ContentLifecycle.Ensure(item, ContentStep.Unpublish, Context(item, actor));
        await UnpublishNowAsync(actor.Email, item, cancellationToken);
        return item;
    }

    public async Task RunScheduledUnpublishAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var item = await FindAsync(job.ItemId, cancellationToken);
        // Already off the site, or the schedule was voided since: nothing to do.
        if (item is null || item.ScheduledUnpublishAt is null || ContentLifecycle.Refusal(item, ContentStep.Unpublish, default) is not null)
            return;
        await UnpublishNowAsync($"scheduler ({job.By})", item, cancellationToken);
    }

    /// <summary>Moves the item to the trash (restorable for 30 days); a published item leaves the site at once.</summary>
    public async Task DeleteAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var item = await LoadAsync(id, cancellationToken: cancellationToken);
        ContentPermissions.EnsureCanDelete(actor, item);
        ContentLifecycle.Ensure(item, ContentStep.Trash, Context(item, actor));
        item.DeletedAt = time.GetUtcNow().UtcDateTime;
        await outbox.CancelAsync(PublishJob, Target(item), cancellationToken);
        await outbox.CancelAsync(UnpublishJob, Target(item), cancellationToken);
        item.ScheduledPublishAt = item.ScheduledUnpublishAt = null;
        writer.Touch(item);
        audit.Record(actor, AuditAction.Delete, Target(item), item.Title);
        if (item.State == ContentState.Published)
            events.Raise(new ContentTrashed(item.Id, ContentPlaces.Of(item)));
        else
            events.Raise(new ContentEdited(item.Id));
        await SaveAsync(item, cancellationToken);
    }

    public async Task<ContentItem> RestoreFromTrashAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var item = await LoadAsync(id, includeDeleted: true, cancellationToken);
        ContentLifecycle.Ensure(item, ContentStep.Restore, Context(item, actor));
        ContentPermissions.EnsureCanDelete(actor, item);
        await EnsureSlugFreeAsync(item.EditionId, item.Kind, item.Slug, item.Id, cancellationToken);
        item.DeletedAt = null;
        writer.Touch(item);
        audit.Record(actor, AuditAction.Restore, Target(item));
        if (item.State == ContentState.Published)
            events.Raise(new ContentChanged(item.Id, ContentPlaces.Of(item)));
        else
            events.Raise(new ContentEdited(item.Id));
        await SaveAsync(item, cancellationToken);
        return item;
    }

    /// <summary>Restores an old revision as a new save (nothing is overwritten); a published item gets it as its working copy.</summary>
    public async Task<ContentItem> RestoreRevisionAsync(Actor actor, int id, int number, int? version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var item = await LoadAsync(id, cancellationToken: cancellationToken);
        if (version is not null && version != item.Version)
            throw Stale(item, null);
        ContentPermissions.EnsureCanEdit(actor, item);
        var revision = await db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.ContentItemId == id && r.Number == number, cancellationToken)
            ?? throw new WorkflowException(StatusCodes.Status404NotFound, Refusals.NoRevision(number));
        var old = ContentFields.FromSnapshot(revision.Snapshot);
        var current = Editable(item);
        var fields = old with { State = current.State, PublishedAt = item.PublishedAt, IsSample = item.IsSample, Kind = item.Kind, Edition = item.Edition.Number };
        if (actor.IsCityBound && fields.City != actor.CityCode)
            throw WorkflowException.Forbidden(Refusals.RevisionOfOtherCity());
        await EnsureSlugFreeAsync(item.EditionId, item.Kind, fields.Slug, item.Id, cancellationToken);
        // An old revision may show media deleted since, or a document this actor may not use.
        await media.EnsureReferencesAsync(actor, fields, cancellationToken);

        SaveEdit(actor, item, fields);
        audit.Record(actor, AuditAction.RevisionRestore, Target(item), $"修订版本 {number}");
        await SaveAsync(item, cancellationToken);
        return item;
    }

    /// <summary>An edit of a published item becomes its working copy; any other item is changed in place.</summary>
    private void SaveEdit(Actor actor, ContentItem item, ContentFields fields)
    {
        if (ContentLifecycle.EditsWorkingCopy(item))
        {
            writer.SaveWorkingCopy(item, fields with { State = ContentState.Published }, actor.Email, actor.Id);
            return;
        }

        RecordSlugChange(item, fields.Slug);
        writer.Apply(item, fields, actor.Email);
        events.Raise(new ContentEdited(item.Id));
    }

    /// <summary>The version an editor works on: the working copy when there is one, else the item itself.</summary>
    public static ContentFields Editable(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return WorkingCopy.Of(item)?.Fields ?? ContentFields.From(item, item.Edition.Number);
    }

    private async Task PublishNowAsync(string by, ContentItem item, bool isCopy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var author = ContentLifecycle.AuthorOf(item);
        var before = ContentPlaces.Of(item);
        await outbox.CancelAsync(PublishJob, Target(item), cancellationToken);
        if (isCopy)
        {
            var copy = WorkingCopy.Of(item)!;
            await EnsureSlugFreeAsync(item.EditionId, item.Kind, copy.Fields.Slug, item.Id, cancellationToken);
            RecordSlugChange(item, copy.Fields.Slug);
            writer.Apply(item, copy.Fields with { State = ContentState.Published, PublishedAt = item.PublishedAt ?? now }, by);
            ContentLifecycle.DropCopy(item);
        }
        else
        {
            item.State = ContentState.Published;
            item.PublishedAt = PublishDates.Next(item.PublishedAt, null, ContentState.Published, now);
            writer.Touch(item);
        }

        item.ScheduledPublishAt = null;
        item.ReviewComment = null;
        notifier.Author(item, author, $"已发布：《{item.Title}》");
        audit.Record(by, AuditAction.Publish, Target(item));
        events.Raise(new ContentPublished(item.Id, before.And(item)));
        await SaveAsync(item, cancellationToken);
    }

    private async Task UnpublishNowAsync(string by, ContentItem item, CancellationToken cancellationToken)
    {
        var before = ContentPlaces.Of(item);
        await outbox.CancelAsync(PublishJob, Target(item), cancellationToken);
        await outbox.CancelAsync(UnpublishJob, Target(item), cancellationToken);
        item.ScheduledPublishAt = item.ScheduledUnpublishAt = null;
        if (WorkingCopy.Of(item) is { } copy)
        {
            // Off the site, there is no live version to protect: the pending edit becomes the item, nothing is lost.
            await EnsureSlugFreeAsync(item.EditionId, item.Kind, copy.Fields.Slug, item.Id, cancellationToken);
            RecordSlugChange(item, copy.Fields.Slug);
            writer.Apply(item, copy.Fields with { State = ContentState.Archived, PublishedAt = item.PublishedAt }, by);
            ContentLifecycle.DropCopy(item);
        }
        else
        {
            item.State = ContentState.Archived;
            writer.Touch(item);
        }

        notifier.Author(item, item.CreatedById, $"已撤下：《{item.Title}》");
        audit.Record(by, AuditAction.Unpublish, Target(item));
        events.Raise(new ContentUnpublished(item.Id, before.And(item)));
        await SaveAsync(item, cancellationToken);
    }

    private async Task SaveAsync(ContentItem item, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new WorkflowException(StatusCodes.Status409Conflict,
                Refusals.SavedMeanwhile(),
                new Dictionary<string, object?> { ["id"] = item.Id });
        }
        catch (DbUpdateException)
        {
            // A unique index refused the save (a slug taken at the same moment): nothing was written.
            db.ChangeTracker.Clear();
            throw new WorkflowException(StatusCodes.Status409Conflict,
                Refusals.SaveCollides(),
                new Dictionary<string, object?> { ["id"] = item.Id });
        }

        // Saved: the events of this step (a publish evicts its pages) run now, their rows the guarantee that they run.
        await events.RunSavedAsync();
    }

    /// <summary>A step's move into the version it moves; the version number moves with it, so stale saves are caught.</summary>
    private void Apply(ContentItem item, ContentMove move)
    {
        ContentLifecycle.Apply(item, move);
        writer.Touch(item);
    }

    private ContentContext Context(ContentItem item, Actor actor) => ContentContext.For(item, actor.Id, time.GetUtcNow().UtcDateTime);

    /// <summary>A public item whose slug changes keeps answering at the old one (301), forever.</summary>
    private void RecordSlugChange(ContentItem item, string newSlug)
    {
        if (item.Slug == newSlug || item.PublishedAt is null)
            return;
        // Back to a slug it once had: that address is the item's own again, not a redirect.
        foreach (var own in db.SlugRedirects.Where(r => r.ContentItemId == item.Id && r.Slug == newSlug))
            db.SlugRedirects.Remove(own);
        var oldSlug = item.Slug;
        var existing = db.SlugRedirects.FirstOrDefault(r => r.EditionId == item.EditionId && r.Kind == item.Kind && r.Slug == oldSlug);
        if (existing is not null)
        {
            existing.ContentItemId = item.Id;
            return;
        }

        db.SlugRedirects.Add(new SlugRedirect
        {
            EditionId = item.EditionId, Kind = item.Kind, Slug = oldSlug, ContentItemId = item.Id, CreatedAt = time.GetUtcNow().UtcDateTime,
        });
    }

    private async Task<string> UniqueSlugAsync(int editionId, ContentKind kind, string slug, CancellationToken cancellationToken)
    {
        var taken = (await db.ContentItems.Where(i => i.EditionId == editionId && i.Kind == kind && i.Slug.StartsWith(slug)).Select(i => i.Slug).ToListAsync(cancellationToken))
            .Concat(await db.SlugRedirects.Where(r => r.EditionId == editionId && r.Kind == kind && r.Slug.StartsWith(slug)).Select(r => r.Slug).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(slug))
            return slug;
        for (var n = 2; ; n++)
        {
            var candidate = $"{slug}-{n}";
            if (!taken.Contains(candidate))
                return candidate;
        }
    }

    private async Task EnsureSlugFreeAsync(int editionId, ContentKind kind, string slug, int? itemId, CancellationToken cancellationToken)
    {
        var taken = await db.ContentItems.AnyAsync(i => i.EditionId == editionId && i.Kind == kind && i.Slug == slug && i.Id != itemId, cancellationToken)
            || await db.SlugRedirects.AnyAsync(r => r.EditionId == editionId && r.Kind == kind && r.Slug == slug && r.ContentItemId != itemId, cancellationToken);
        if (taken)
            throw RequestValidationException.Field("slug", Refusals.SlugTaken(slug, kind));
    }

    private static WorkflowException Stale(ContentItem item, ContentWriteRequest? attempted) => new(StatusCodes.Status409Conflict,
        $"The item was changed by someone else (now version {item.Version}). Nothing was saved; compare both versions and save again.",
        new Dictionary<string, object?>
        {
            ["currentVersion"] = item.Version,
            ["current"] = Editable(item),
            ["yours"] = attempted,
        });

    private async Task<IReadOnlySet<string>> CityCodesAsync(CancellationToken cancellationToken) =>
        (await db.Cities.Select(c => c.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    private DateOnly Today() => DateOnly.FromDateTime(Infrastructure.BeijingTime.Now(time).DateTime);

    private static string Target(ContentItem item) => $"content/{item.Id}";

    private static string Name(ContentState state) => state.ToName();
}

/// <summary>The payload of a scheduled publish or unpublish; <see cref="Version"/> is the version a publish was scheduled for.</summary>
public sealed record ScheduledJob(int ItemId, string By, int? Version);
