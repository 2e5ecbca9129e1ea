using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using PatentWeek.Cms.Benchmarks;

// Two modes:
//   parallel [workers=4] [images=16] [slots]   stopwatch throughput of concurrent uploads (slots: MediaGate size)
//   anything else                              BenchmarkDotNet over RenderBenchmarks (its usual arguments apply)
if (args.Length > 0 && args[0] == "parallel")
{
    int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
    return await ParallelUploads.RunAsync(workers: Arg(1, 4), images: Arg(2, 16), slots: args.Length > 3 ? Arg(3, 0) : null);
}

// 3 warm-ups and 15 iterations: the default job (up to 100 iterations of an operation near 1.6 s) took
// over 6 minutes here. Server GC as in the CMS.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(15).WithGcServer(true))
    .AddColumn(StatisticColumn.Median, new PeakRssColumn());
var summaries = BenchmarkSwitcher.FromTypes([typeof(RenderBenchmarks)]).Run(args, config);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
