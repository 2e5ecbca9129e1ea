using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Workflow;

namespace PatentWeek.Cms.Workflow;

/// <summary>
/// Adds audit entries to the current unit of work, so an entry is saved together with the change it
/// describes (or not at all). The address is the connection's, as seen by the server.
/// </summary>
public sealed class AuditLog(CmsDbContext db, TimeProvider time, IHttpContextAccessor http)
{
    public void Record(Actor actor, AuditAction action, string? target = null, string? detail = null) =>
        Record(actor.Email, action, target, detail);

    /// <param name="detail">Read by administrators on the audit page: written in Chinese (addresses and numbers aside).</param>
    public void Record(string actor, AuditAction action, string? target = null, string? detail = null)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            Actor = Truncate(actor, 256)!,
            Action = AuditActions.Key(action),
            Target = Truncate(target, 256),
            Detail = Truncate(detail, 2000),
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
