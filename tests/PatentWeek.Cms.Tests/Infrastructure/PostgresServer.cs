using System.Diagnostics;

namespace PatentWeek.Cms.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of one test class's own (made by <c>tests/scripts/start-postgres.sh</c>, like CI's shared one),
/// so the test can stop and start it again on the same port without disturbing the other classes. It needs the
/// PostgreSQL server binaries and root (the cluster runs as the <c>postgres</c> user); CI has both.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _folder;

    private PostgresServer(string folder, string admin) => (_folder, AdminConnectionString) = (folder, admin);

    public string AdminConnectionString { get; }

    private static string? Bin => Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(Directory.Exists)
            .OrderBy(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : new Version(0, 0)).LastOrDefault()
        : null;

    /// <summary>Why a private cluster cannot be made here, or null.</summary>
    public static string? UnavailableReason => Bin is null ? "the PostgreSQL server is not installed; CI runs this test."
        : Environment.UserName != "root" ? "a private PostgreSQL cluster needs root (it runs as the postgres user); CI runs this test."
        : null;

    public static async Task<PostgresServer> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "patentweek-pg-" + Guid.NewGuid().ToString("N")[..10]);
        var (code, output) = await RunAsync("bash", Path.Combine(Repo.Root, "tests", "scripts", "start-postgres.sh"), folder,
            ServerProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (code != 0)
            throw new InvalidOperationException("start-postgres.sh failed: " + output);
        return new PostgresServer(folder, output.Split('\n').Last(l => l.StartsWith("Host=", StringComparison.Ordinal)).Trim());
    }

    /// <summary>
    /// A restart's stop ("fast"): every session is cut at once (the CMS sees its connections die), then the server
    /// checkpoints and exits. Not "immediate": the throw-away cluster runs with <c>synchronous_commit</c> off, and a
    /// crash-like stop there loses the last commits (a bearer token just issued), which production does not.
    /// </summary>
    public Task StopAsync() => PgCtlAsync("-m", "fast", "stop");

    /// <summary>Starts it again with the options it was first started with (pg_ctl keeps them in postmaster.opts).</summary>
    public Task StartAgainAsync() => PgCtlAsync("-l", Path.Combine(_folder, "server.log"), "-w", "restart");

    private async Task PgCtlAsync(params string[] args)
    {
        var (code, output) = await RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(Bin!, "pg_ctl"), "-D", Path.Combine(_folder, "data"), .. args]);
        if (code != 0)
            throw new InvalidOperationException($"pg_ctl {string.Join(' ', args)} failed: {output}");
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_folder, recursive: true);
    }
}
