using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using PatentWeek.Cms.Benchmarks;

// Modes:
//   parallel [workers=4] [images=16] [slots]   stopwatch throughput of concurrent uploads (slots: MediaGate size)
//   callback <baseUrl> <seconds> <concurrency> <appId> <token> <encodingAesKey> [serverPid]
//                                              secure-mode follower messages against a running CMS's /wechat/callback
//                                              (serverPid: a local server's process, for its CPU time per request)
//   static <folder> <url>                      plain Kestrel serving a folder's files (http.sh's yardstick)
//   search <sqlite|postgres> [items=20000] [postgresAdminConnectionString]
//                                              search on generated items, with the substring scan as baseline
//   wechat [BenchmarkDotNet arguments]         BenchmarkDotNet over WeChatBenchmarks
//   anything else                              BenchmarkDotNet over RenderBenchmarks (its usual arguments apply)
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
switch (args.FirstOrDefault())
{
    case "parallel":
        return await ParallelUploads.RunAsync(workers: Arg(1, 4), images: Arg(2, 16), slots: args.Length > 3 ? Arg(3, 0) : null);
    case "callback" when args.Length is 7 or 8:
        using (var server = args.Length == 8 ? Process.GetProcessById(Arg(7, 0)) : null)
            return await CallbackLoad.RunAsync(new Uri(args[1]), Arg(2, 10), Arg(3, 16), args[4], args[5], args[6], server);
    case "callback":
        Console.Error.WriteLine("usage: callback <baseUrl> <seconds> <concurrency> <appId> <token> <encodingAesKey> [serverPid]");
        return 2;
    case "static" when args.Length == 3:
        return await StaticServer.RunAsync(args[1], args[2]);
    case "search" when args.Length >= 2:
        return await SearchLoad.RunAsync(args[1], Arg(2, 20_000), args.Length > 3 ? args[3] : null);
    case "wechat":
        return Run(typeof(WeChatBenchmarks), args[1..]);
    default:
        return Run(typeof(RenderBenchmarks), args);
}

// 3 warm-ups and 15 iterations: the default job (up to 100 iterations of an operation near 1.6 s) took
// over 6 minutes here. Server GC as in the CMS. BenchmarkDotNet builds the CMS again for its generated project:
// on 2 busy cores that takes longer than its default 2 minutes.
static int Run(Type benchmarks, string[] arguments)
{
    var config = DefaultConfig.Instance
        .AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(15).WithGcServer(true))
        .AddColumn(StatisticColumn.Median, new PeakRssColumn())
        .WithBuildTimeout(TimeSpan.FromMinutes(10));
    var summaries = BenchmarkSwitcher.FromTypes([benchmarks]).Run(arguments, config);
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}
