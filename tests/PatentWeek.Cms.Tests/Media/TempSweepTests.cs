using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Media;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Media;

/// <summary>What a killed upload left in <c>media/tmp</c> is swept at the next start and then every half hour; live uploads are not touched.</summary>
public abstract class TempSweepTests(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<TestDatabase> DatabaseAsync()
    {
        if (AppFixture.UnavailableReason(provider) is { } reason)
            Assert.Skip(reason);
        return await TestDatabase.CreateAsync(provider);
    }

    private static string Leave(TestDatabase database, TimeSpan age)
    {
        var tmp = Path.Combine(database.DataPath, "media", "tmp");
        Directory.CreateDirectory(tmp);
        var file = Path.Combine(tmp, Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(file, new byte[4096]);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow - age);
        return file;
    }

    [Fact]
    public async Task A_stale_temporary_file_is_removed_at_start_up_and_a_fresh_one_is_kept()
    {
        await using var database = await DatabaseAsync();
        // As SIGKILL leaves them: one from an upload killed yesterday, one from an upload still streaming in.
        var stale = Leave(database, TimeSpan.FromHours(26));
        var fresh = Leave(database, TimeSpan.FromMinutes(5));

        await using var app = new CmsApp(database);
        using var client = app.CreateClient();

        await Eventually.TrueAsync(() => Task.FromResult(!File.Exists(stale)), TimeSpan.FromSeconds(10));
        Assert.True(File.Exists(fresh), "a file an upload may still be writing is kept");
    }

    [Fact]
    public async Task A_file_left_while_the_server_runs_is_removed_by_a_later_sweep()
    {
        await using var database = await DatabaseAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new CmsApp(database);
        await using var running = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var client = running.CreateClient();
        var left = Leave(database, TimeSpan.Zero);
        Assert.Equal(Path.GetDirectoryName(left), running.Services.GetRequiredService<IMediaStore>().TempFolder);

        clock.Advance(TimeSpan.FromMinutes(31));
        await Task.Delay(500, Ct);
        Assert.True(File.Exists(left), "half an hour after its last write the file may still be an upload's");

        clock.Advance(TimeSpan.FromMinutes(31));
        await Eventually.TrueAsync(() => Task.FromResult(!File.Exists(left)), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_deleted_temporary_folder_neither_stops_the_server_nor_the_later_sweeps()
    {
        await using var database = await DatabaseAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var first = Leave(database, TimeSpan.FromHours(26));
        await using var app = new CmsApp(database);
        await using var running = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var client = running.CreateClient();
        // The start-up sweep has run, so the half-hour timer exists before the clock moves.
        await Eventually.TrueAsync(() => Task.FromResult(!File.Exists(first)), TimeSpan.FromSeconds(10));

        // Someone cleans the volume: the next round finds no folder at all.
        var tmp = running.Services.GetRequiredService<IMediaStore>().TempFolder;
        Directory.Delete(tmp, recursive: true);
        clock.Advance(TimeSpan.FromMinutes(31));
        await Task.Delay(500, Ct);
        Assert.False(running.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested,
            "a missing temporary folder must not stop the host");
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, home.StatusCode);

        // The folder is back: the sweeper is still running and removes what is stale.
        var later = Leave(database, TimeSpan.FromHours(26));
        clock.Advance(TimeSpan.FromMinutes(31));
        await Eventually.TrueAsync(() => Task.FromResult(!File.Exists(later)), TimeSpan.FromSeconds(10));
    }
}

public sealed class TempSweepSqliteTests() : TempSweepTests(DatabaseProvider.Sqlite);

public sealed class TempSweepPostgresTests() : TempSweepTests(DatabaseProvider.PostgreSql);
