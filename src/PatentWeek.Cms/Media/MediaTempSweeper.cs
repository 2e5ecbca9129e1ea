namespace PatentWeek.Cms.Media;

/// <summary>
/// Deletes temporary files that no upload is writing any more: a process killed mid-upload (SIGKILL, power
/// loss) never reaches its own clean-up. Runs at start-up and every half hour. A file counts as stale when
/// nothing was written to it for <see cref="StaleAfter"/>; an upload in flight writes all the time, and
/// Kestrel's timeouts end a stalled one long before that.
/// </summary>
public sealed partial class MediaTempSweeper(IMediaStore store, TimeProvider time, ILogger<MediaTempSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: a large temporary folder must not delay the server's first answer.
        await Task.Yield();
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            var swept = Sweep();
            if (swept > 0)
                LogSwept(logger, swept);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// Deletes the stale temporary files; returns how many. Never throws for the file system: a background
    /// service that fails stops the whole host, and a sweep that could not run now simply runs next round.
    /// </summary>
    public int Sweep()
    {
        try
        {
            return SweepFolder();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            // The folder is gone (someone cleaned the volume) or unreadable: nothing to sweep now; the next round looks again.
            LogFolderFailed(logger, store.TempFolder, e);
            return 0;
        }
    }

    private int SweepFolder()
    {
        var cutoff = time.GetUtcNow().UtcDateTime - StaleAfter;
        var swept = 0;
        foreach (var file in new DirectoryInfo(store.TempFolder).EnumerateFiles())
        {
            try
            {
                if (file.LastWriteTimeUtc >= cutoff)
                    continue;
                file.Delete();
                swept++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another instance on the shared volume swept it first, or it is still open: the next round decides.
                LogFailed(logger, file.Name, e);
            }
        }

        return swept;
    }

    [LoggerMessage(LogLevel.Information, "Removed {Count} temporary upload files left behind by interrupted uploads")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(LogLevel.Warning, "Could not sweep the temporary upload folder {Folder}; the next round tries again")]
    private static partial void LogFolderFailed(ILogger logger, string folder, Exception e);

    [LoggerMessage(LogLevel.Warning, "Could not remove the temporary file {Name}")]
    private static partial void LogFailed(ILogger logger, string name, Exception e);
}
