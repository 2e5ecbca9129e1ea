namespace PatentWeek.Cms.Media;

/// <summary>
/// Deletes temporary files that no upload is writing any more: a process killed mid-upload (SIGKILL, power
/// loss) never reaches its own clean-up. Runs at start-up and every half hour. A file counts as stale when
/// nothing was written to it for <see cref="StaleAfter"/>; an upload in flight writes all the time, and
/// Kestrel's timeouts end a stalled one long before that.
/// </summary>
public sealed partial class MediaTempSweeper(MediaStore store, TimeProvider time, ILogger<MediaTempSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            var swept = Sweep();
            if (swept > 0)
                LogSwept(logger, swept);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes the stale temporary files; returns how many.</summary>
    public int Sweep()
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

    [LoggerMessage(LogLevel.Warning, "Could not remove the temporary file {Name}")]
    private static partial void LogFailed(ILogger logger, string name, Exception e);
}
