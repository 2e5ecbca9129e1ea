using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Workflow;

/// <summary>Deletes for good what has been in the trash for more than 30 days; runs hourly.</summary>
public sealed class TrashPurger(IServiceScopeFactory scopes, TimeProvider time, ILogger<TrashPurger> logger) : HourlyPurge(scopes, time, logger)
{
    protected override Task<int> PurgeAsync(CmsDbContext db, CancellationToken cancellationToken)
    {
        var cutoff = Time.GetUtcNow().UtcDateTime - WorkflowService.TrashRetention;
        return db.ContentItems.Where(i => i.DeletedAt != null && i.DeletedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
