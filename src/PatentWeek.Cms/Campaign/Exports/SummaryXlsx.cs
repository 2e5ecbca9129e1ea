using System.Globalization;
using MiniExcelLibs;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Campaign.Exports;

/// <summary>
/// The province's figures as a workbook: one row per city and one column per metric (with the paperwork's states), then
/// the media reports and the events, each on its own sheet. Column names are the Chinese labels; numbers are numbers.
/// </summary>
public static class SummaryXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CitiesSheet = "市州数据", MediaSheet = "媒体报道", EventsSheet = "主题活动";

    public static byte[] Write(ProvincialSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var metrics = summary.Compliance.Metrics;
        var cities = summary.Compliance.Rows.Select(r =>
        {
            var row = new Dictionary<string, object?>
            {
                ["市州"] = r.City.Name,
                ["代码"] = r.City.Code,
                ["活动方案"] = r.Plan is null ? "不需报送" : SubmissionLifecycle.Label(r.Plan.Status),
                ["方案逾期"] = r.Plan is { Late: true } or { Overdue: true } ? "是" : "否",
                ["方案提交时间"] = r.Plan?.FirstSubmittedAt is { } p ? BeijingTime.Format(p) : null,
                ["举办主题活动"] = r.EventsHeld,
                ["要求场次"] = r.EventsRequired,
                ["亮点稿件"] = r.StoriesPublished,
                ["总结报告"] = r.Report is null ? "不需报送" : SubmissionLifecycle.Label(r.Report.Status),
                ["报告逾期"] = r.Report is { Late: true } or { Overdue: true } ? "是" : "否",
            };
            foreach (var m in metrics)
                row[$"{m.Label}（{m.Unit}）"] = r.Metrics.GetValueOrDefault(m.Key);
            return row;
        }).ToList();

        var media = summary.MediaReports.Select(m => new Dictionary<string, object?>
        {
            ["市州"] = m.City, ["媒体"] = m.Outlet, ["标题"] = m.Title, ["日期"] = m.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["链接"] = m.Url,
        }).ToList();
        var events = summary.Events.Select(e => new Dictionary<string, object?>
        {
            ["市州"] = e.City, ["活动"] = e.Title, ["时间"] = e.At is { } at ? BeijingTime.Format(at) : null, ["类型"] = e.Type, ["地点"] = e.Place, ["链接"] = e.Url,
        }).ToList();

        var sheets = new Dictionary<string, object>
        {
            [CitiesSheet] = cities,
            [MediaSheet] = media.Count > 0 ? media : Empty("市州", "媒体", "标题", "日期", "链接"),
            [EventsSheet] = events.Count > 0 ? events : Empty("市州", "活动", "时间", "类型", "地点", "链接"),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    /// <summary>A sheet with its header and no rows (MiniExcel writes no header for an empty list).</summary>
    private static List<Dictionary<string, object?>> Empty(params string[] columns) => [columns.ToDictionary(c => c, _ => (object?)null)];
}
