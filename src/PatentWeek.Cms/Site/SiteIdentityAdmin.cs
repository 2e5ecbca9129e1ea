using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Outbox;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Site;

/// <summary>The site's identity changed: every public page shows it (footer, title, gov meta fields).</summary>
public sealed record SiteIdentityChanged : IDomainEvent
{
    public static string EventType => "site.identity.changed";

    public string Key => "site";
}

/// <summary>
/// An administrator's edit of the site's identity: the values configuration does not set, checked by the one rule of
/// <see cref="SiteIdentityFields"/>, saved with an audit entry and an event that evicts the public pages.
/// </summary>
public sealed class SiteIdentityAdmin(CmsDbContext db, SiteIdentity identity, AuditLog audit, DomainEvents events, TimeProvider time)
{
    /// <param name="values">Form values by field name; a value configuration sets is ignored (the page shows it read-only).</param>
    /// <returns>Field errors in Chinese by field name; empty when saved (or nothing changed).</returns>
    public async Task<IReadOnlyDictionary<string, string>> SaveAsync(
        IReadOnlyDictionary<string, string?> values, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(actor);
        var state = await identity.StateAsync(cancellationToken);
        var editable = SiteIdentityFields.All.Where(f => state.Sources[f.Name] != SiteValueSource.Configuration).ToList();
        var errors = new Dictionary<string, string>();
        var cleaned = new Dictionary<string, string?>();
        foreach (var field in editable)
        {
            var value = SiteIdentityFields.Clean(values.GetValueOrDefault(field.Name));
            if (SiteIdentityFields.Problem(field, value) is { } problem)
                errors[field.Name] = problem.Chinese;
            cleaned[field.Name] = value;
        }

        if (errors.Count > 0)
            return errors;

        var row = await db.SiteIdentity.FirstOrDefaultAsync(s => s.Id == SiteIdentityRecord.SingleRow, cancellationToken);
        if (row is null)
        {
            row = new SiteIdentityRecord();
            db.SiteIdentity.Add(row);
        }

        var changed = editable.Where(f => f.Get(row) != cleaned[f.Name]).ToList();
        // Saving the seed's values unchanged still makes them the administrator's: the file no longer changes them.
        if (changed.Count == 0 && row.EditedByAdministrator)
            return errors;
        foreach (var field in changed)
            field.Set(row, cleaned[field.Name]);
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        row.UpdatedBy = actor.Email;
        // The values are public (every page shows them), so the entry names them.
        var detail = changed.Count == 0 ? "确认种子文件中的网站信息" : "修改 " + string.Join("；", changed.Select(f => $"{f.Label}：{cleaned[f.Name] ?? "（空）"}"));
        audit.Record(actor, AuditAction.SiteIdentityUpdate, "site", detail);
        events.Raise(new SiteIdentityChanged());
        await db.SaveChangesAsync(cancellationToken);
        // Read anew before the pages are evicted, so no page is rebuilt with the old values.
        identity.Invalidate();
        await events.RunSavedAsync();
        return errors;
    }
}
