using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Media;
using PatentWeek.Cms.Outbox;

namespace PatentWeek.Cms.Media;

/// <summary>
/// Makes sure a media item's rendered set matches its current inputs (original, focal point, poster). One
/// render per item at a time in this process (a second caller awaits the first), images decoded through the
/// <see cref="MediaGate"/>. The result is saved only if the inputs did not move meanwhile, so a slow render
/// never overwrites a newer one.
/// </summary>
public sealed partial class RenditionService(
    IServiceScopeFactory scopes, ImageProcessor images, PosterFrames posters, IMediaStore store, MediaGate gate,
    ILogger<RenditionService> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<int, Lazy<Task>> _running = new();

    public static RenditionSet? Parse(string? json) => json is null ? null : JsonSerializer.Deserialize<RenditionSet>(json, Json);

    /// <summary>True when the stored set was made from the item's current inputs by this pipeline.</summary>
    public static bool IsCurrent(MediaAsset asset, RenditionSet? set)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return set is not null && set.Version == ImageProcessor.PipelineVersion && set.Inputs == asset.RenditionVersion;
    }

    public Task EnsureAsync(int mediaId, CancellationToken cancellationToken)
    {
        var run = _running.GetOrAdd(mediaId, id => new Lazy<Task>(() => RunAsync(id)));
        return run.Value.WaitAsync(cancellationToken);
    }

    private async Task RunAsync(int mediaId)
    {
        try
        {
            await RenderAsync(mediaId, CancellationToken.None);
        }
        finally
        {
            _running.TryRemove(mediaId, out _);
        }
    }

    /// <summary>Renders until the saved set matches the inputs: a caller that joined a run begun on older inputs still gets the newest.</summary>
    private async Task RenderAsync(int mediaId, CancellationToken cancellationToken)
    {
        while (!await RenderOnceAsync(mediaId, cancellationToken))
        {
        }
    }

    /// <summary>True when the set is current (or there is nothing to render); false when the inputs moved meanwhile.</summary>
    private async Task<bool> RenderOnceAsync(int mediaId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var asset = await db.MediaAssets.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mediaId, cancellationToken);
        if (asset is null || asset.Kind == MediaKind.Document || IsCurrent(asset, Parse(asset.Renditions)))
            return true;

        var set = asset.Kind == MediaKind.Image
            ? await RenderImageAsync(asset, store.OriginalPath(asset), MediaKeys.DerivedFolder(asset.Kind, asset.Sha256), cancellationToken)
            : await RenderPosterAsync(db, asset, cancellationToken);
        var json = JsonSerializer.Serialize(set with { Inputs = asset.RenditionVersion }, Json);
        var events = scope.ServiceProvider.GetRequiredService<DomainEvents>();
        // The set and its event are saved together: pages built before the set existed (or with an older focal
        // point) must be rebuilt.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var saved = await db.MediaAssets.Where(m => m.Id == mediaId && m.RenditionVersion == asset.RenditionVersion)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Renditions, json), cancellationToken);
            if (saved == 0)
                return !await db.MediaAssets.AnyAsync(m => m.Id == mediaId, cancellationToken);
            events.Raise(new MediaRendered(mediaId));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        LogRendered(logger, mediaId, set.Renditions.Count);
        await events.RunSavedAsync();
        return true;
    }

    private Task<RenditionSet> RenderImageAsync(MediaAsset asset, string source, string folder, CancellationToken cancellationToken) =>
        gate.RunAsync(() => images.RenderAsync(source, folder, asset.FocalX, asset.FocalY, cancellationToken), cancellationToken);

    /// <summary>A video's pictures come from its uploaded poster, or from a frame ffmpeg takes; without either, none.</summary>
    private async Task<RenditionSet> RenderPosterAsync(CmsDbContext db, MediaAsset video, CancellationToken cancellationToken)
    {
        if (video.PosterId is { } posterId
            && await db.MediaAssets.AsNoTracking().FirstOrDefaultAsync(m => m.Id == posterId && m.Kind == MediaKind.Image, cancellationToken) is { } poster)
            // The poster's own folder: its files depend on the poster's bytes, not on the video's.
            return await RenderImageAsync(video, store.OriginalPath(poster), MediaKeys.DerivedFolder(poster.Kind, poster.Sha256), cancellationToken);

        var frame = store.NewTempFile() + ".jpg";
        try
        {
            if (!await posters.TryTakeAsync(store.OriginalPath(video), video.DurationSeconds ?? 0, frame, cancellationToken))
                return RenditionSet.None;
            images.Inspect(frame);
            return await RenderImageAsync(video, frame, MediaKeys.DerivedFolder(video.Kind, video.Sha256), cancellationToken);
        }
        finally
        {
            File.Delete(frame);
        }
    }

    [LoggerMessage(LogLevel.Information, "Rendered media {MediaId}: {Count} renditions")]
    private static partial void LogRendered(ILogger logger, int mediaId, int count);
}
