using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PatentWeek.Cms.Data;

namespace PatentWeek.Cms.Health;

/// <summary>The database answers and its schema is up to date.</summary>
internal sealed class DatabaseHealthCheck(CmsDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["provider"] = db.Database.IsNpgsql() ? "PostgreSql" : "Sqlite" };
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
                return HealthCheckResult.Unhealthy("The database cannot be reached.", data: data);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            data["pendingMigrations"] = pending;
            return pending == 0
                ? HealthCheckResult.Healthy("The database is reachable and migrated.", data)
                : HealthCheckResult.Unhealthy($"{pending} migrations are not applied.", data: data);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            return HealthCheckResult.Unhealthy("The database failed to answer.", data: data);
        }
    }
}
