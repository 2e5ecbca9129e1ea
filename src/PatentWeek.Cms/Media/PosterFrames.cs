using FFMpegCore;
using Microsoft.Extensions.Options;

namespace PatentWeek.Cms.Media;

/// <summary>
/// Takes a video's poster frame with ffmpeg (Debian's package) when it is installed. Without it the CMS still
/// works: an editor uploads a poster image instead.
/// </summary>
public sealed partial class PosterFrames(IOptions<MediaOptions> options, ILogger<PosterFrames> logger)
{
    private readonly Lazy<string?> _folder = new(() => FindFfmpegFolder(options.Value.FfmpegPath));

    public bool Available => _folder.Value is not null;

    /// <summary>Writes a JPEG frame a second in (or the first frame of a shorter clip); false when ffmpeg is absent or fails.</summary>
    public async Task<bool> TryTakeAsync(string video, double durationSeconds, string jpegPath, CancellationToken cancellationToken)
    {
        if (_folder.Value is not { } folder)
            return false;
        var at = TimeSpan.FromSeconds(durationSeconds >= 2 ? 1 : 0);
        // One frame takes well under a second; a stuck ffmpeg must not hold the job queue.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            var result = await FFMpegArguments
                .FromFileInput(video)
                .OutputToFile(jpegPath, overwrite: true, o => o.WithCustomArgument(FormattableString.Invariant($"-ss {at.TotalSeconds}")).WithFrameCount(1).ForceFormat("image2"))
                .ProcessAsynchronously(throwOnError: false, new FFOptions { BinaryFolder = folder }, timeout.Token);
            return result.ExitCode == 0 && File.Exists(jpegPath);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, e);
            return false;
        }
    }

    private static string? FindFfmpegFolder(string? configured)
    {
        if (configured is not null)
            return File.Exists(configured) ? Path.GetDirectoryName(Path.GetFullPath(configured)) : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, OperatingSystem.IsWindows() ? "ffmpeg.exe" : "ffmpeg")));
    }

    [LoggerMessage(LogLevel.Warning, "ffmpeg could not take a poster frame")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
