using Microsoft.Extensions.Options;

namespace PatentWeek.Cms.Media;

/// <summary>
/// Bounds how many images are decoded at once, in upload checks and rendition jobs alike: twenty parallel
/// uploads wait their turn instead of holding twenty decoded images in memory.
/// </summary>
public sealed class MediaGate(IOptions<MediaOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.ImageConcurrency ?? Environment.ProcessorCount);

    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            _slots.Release();
        }
    }

    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken) =>
        RunAsync(() => Task.Run(work, cancellationToken), cancellationToken);

    public void Dispose() => _slots.Dispose();
}
