using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatentWeek.Cms.Data;

namespace PatentWeek.Cms.Infrastructure;

public static class DataServices
{
    public const string ConnectionStringName = "Cms";

    /// <summary>One <see cref="CmsDbContext"/> on the configured provider, with that provider's migrations.</summary>
    public static IHostApplicationBuilder AddCmsData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDbContextFactory<CmsDbContext>((sp, db) =>
        {
            var options = sp.GetRequiredService<IOptions<CmsOptions>>().Value;
            var paths = sp.GetRequiredService<CmsPaths>();
            var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
            Configure(db, options.Database.Provider, connectionString, paths.DataPath);
        });
        return builder;
    }

    public static void Configure(DbContextOptionsBuilder db, DatabaseProvider provider, string? connectionString, string dataPath)
    {
        ArgumentNullException.ThrowIfNull(db);
        // The collections loaded together (an item's tags and media) are a few rows each, so one query
        // stays the right choice; saying so keeps EF from warning a newcomer about it at the first start.
        switch (provider)
        {
            case DatabaseProvider.PostgreSql:
                db.UseNpgsql(connectionString, x => x.MigrationsAssembly("PatentWeek.Cms.Migrations.PostgreSql").UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
                break;
            default:
                db.UseSqlite(
                    connectionString ?? $"Data Source={Path.Combine(dataPath, "cms.db")}",
                    x => x.MigrationsAssembly("PatentWeek.Cms.Migrations.Sqlite").UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
                break;
        }
    }
}
