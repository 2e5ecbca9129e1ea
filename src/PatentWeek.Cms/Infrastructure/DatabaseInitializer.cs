using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using Microsoft.Extensions.Options;
using PatentWeek.Cms.Content.Import;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Accounts;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>Start-up work shared by the server and the commands: migrate, then seed, each when configured.</summary>
public static partial class DatabaseInitializer
{
    /// <param name="seed">False for the commands: an import into an empty database must not get the seed first.</param>
    public static async Task InitializeCmsAsync(this IHost app, bool seed = true, bool migrate = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var options = services.GetRequiredService<IOptions<CmsOptions>>().Value;
        var paths = services.GetRequiredService<CmsPaths>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("PatentWeek.Cms.Startup");
        var db = services.GetRequiredService<CmsDbContext>();
        Directory.CreateDirectory(paths.DataPath);
        KeyRing.WarnIfUnencrypted(services.GetRequiredService<IConfiguration>(), options, logger);

        if (migrate || options.MigrateAtStartup)
            await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while a writer commits; the setting is kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var ready = await db.Database.CanConnectAsync(cancellationToken) && !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
        if (ready)
        {
            await KeyRing.ImportFolderAsync(db, paths, cancellationToken);
            await AccountsInitializer.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        }

        await ScaleOut.ScaleOutSetup.StartAsync(services, options);

        // A search index never built (a database from before search, a restored one): built once, here, before the
        // seed (whose import, when it changes anything, has the outbox rebuild it). After that the content events keep
        // it (Search/SearchIndexUpdates), and `search rebuild` makes it again by hand.
        if (ready && !await db.SearchDocuments.AnyAsync(cancellationToken) && await db.ContentItems.AnyAsync(i => i.DeletedAt == null, cancellationToken))
            await services.GetRequiredService<Search.SearchIndexer>().RebuildAsync(cancellationToken);

        if (seed && options.SeedAtStartup)
        {
            var report = await services.GetRequiredService<ContentImporter>()
                .ImportAsync(paths.ContentPath, options.LoadSamples, asSeed: true, cancellationToken);
            LogSeeded(logger, paths.ContentPath, report.ToString());
            if (options.CreateDemoAccounts)
                await AccountsInitializer.CreateDemoAccountsAsync(services.GetRequiredService<UserManager<CmsUser>>(), db, paths, Console.Out);
        }
    }

    [LoggerMessage(LogLevel.Information, "Seed content from {Folder}: {Report}")]
    private static partial void LogSeeded(ILogger logger, string folder, string report);
}
