using System.Diagnostics;
using System.Globalization;

namespace PatentWeek.Cms.Benchmarks;

/// <summary>
/// Throughput of parallel uploads, timed with a stopwatch: <c>workers</c> concurrent pipelines each take the
/// next of <c>images</c> uploads and do what an upload and its rendition job do, Inspect then RenderAsync, each
/// through <see cref="Media.MediaGate"/> as in the CMS (its slots default to the processor count).
/// </summary>
internal static class ParallelUploads
{
    public static async Task<int> RunAsync(int workers, int images, int? slots)
    {
        using var pipeline = new Pipeline(slots);
        var slotText = slots?.ToString(CultureInfo.InvariantCulture) ?? $"{Environment.ProcessorCount} (processor count, the CMS default)";
        Console.WriteLine($"source: 4000×3000 JPEG, {new FileInfo(pipeline.SourcePath).Length / 1024.0 / 1024:0.0} MiB; " +
                          $"{workers} workers, {images} uploads, MediaGate slots: {slotText}, {Environment.ProcessorCount} cores");

        // Warm-up (JIT, native library load, first file-system writes), as in a server that is already running.
        await UploadAsync(pipeline);
        var warmRss = PeakRss.KiloBytes();

        var next = 0;
        var perImage = new double[images];
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            for (int i; (i = Interlocked.Increment(ref next) - 1) < images;)
            {
                var started = clock.Elapsed;
                await UploadAsync(pipeline);
                perImage[i] = (clock.Elapsed - started).TotalMilliseconds;
            }
        })));
        clock.Stop();
        // CPU time barely moves when other processes share the cores, unlike wall time: busy cores / CPU per
        // upload is the throughput this work can reach on an otherwise idle machine.
        var cpuPerImage = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / images;
        var busyCores = Math.Min(workers, Environment.ProcessorCount);

        Array.Sort(perImage);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(FormattableString.Invariant(
            $"wall {seconds:0.00} s, {images / seconds:0.00} images/s, per upload median {perImage[images / 2]:0} ms (max {perImage[^1]:0} ms, queueing included)"));
        Console.WriteLine(FormattableString.Invariant(
            $"CPU {cpuPerImage:0.00} s per upload: at most {busyCores / cpuPerImage:0.00} images/s on {busyCores} idle core(s)"));
        Console.WriteLine($"peak RSS {PeakRss.MiB(PeakRss.KiloBytes())} MiB (after one warm-up upload: {PeakRss.MiB(warmRss)} MiB)");
        return 0;
    }

    private static async Task UploadAsync(Pipeline pipeline)
    {
        await pipeline.Gate.RunAsync(() => pipeline.Images.Inspect(pipeline.SourcePath), CancellationToken.None);
        await pipeline.Gate.RunAsync(
            () => pipeline.Images.RenderAsync(pipeline.SourcePath, pipeline.NextFolder(), 0.4, 0.45, CancellationToken.None),
            CancellationToken.None);
    }
}
