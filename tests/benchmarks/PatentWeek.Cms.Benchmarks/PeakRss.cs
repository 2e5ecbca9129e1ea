using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace PatentWeek.Cms.Benchmarks;

/// <summary>
/// Peak resident set size of this process (<c>VmHWM</c>, Linux). SkiaSharp decodes and encodes in native memory,
/// which BenchmarkDotNet's managed "Allocated" column does not see.
/// </summary>
internal static class PeakRss
{
    public const string Marker = "// PeakRSS kB: ";

    /// <summary>Peak RSS in kB, or -1 where /proc is not there.</summary>
    public static long KiloBytes()
    {
        if (!File.Exists("/proc/self/status"))
            return -1;
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>Sets the peak back to the current RSS (Linux: "5" to /proc/self/clear_refs); a no-op elsewhere.</summary>
    public static void Reset()
    {
        if (File.Exists("/proc/self/clear_refs"))
            File.WriteAllText("/proc/self/clear_refs", "5");
    }

    public static string MiB(long kiloBytes) => (kiloBytes / 1024.0).ToString("0", CultureInfo.InvariantCulture);
}

/// <summary>
/// Shows the peak RSS each benchmark process printed at its end (<see cref="PeakRss.Marker"/>): BenchmarkDotNet
/// runs every benchmark in a process of its own, so the figure is that benchmark's, warm-up and runtime included.
/// </summary>
internal sealed class PeakRssColumn : IColumn
{
    public string Id => nameof(PeakRssColumn);
    public string ColumnName => "Peak RSS MiB";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Peak resident set size of the benchmark's process (VmHWM), native memory included";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var peak = summary[benchmarkCase]?.ExecuteResults
            .SelectMany(r => r.StandardOutput)
            .Where(l => l.StartsWith(PeakRss.Marker, StringComparison.Ordinal))
            .Select(l => long.Parse(l[PeakRss.Marker.Length..], CultureInfo.InvariantCulture))
            .DefaultIfEmpty(-1)
            .Max() ?? -1;
        return peak < 0 ? "?" : PeakRss.MiB(peak);
    }
}
