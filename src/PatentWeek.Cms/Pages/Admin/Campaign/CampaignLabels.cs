using System.Globalization;
using System.Text.RegularExpressions;
using PatentWeek.Cms.Campaign;
using PatentWeek.Cms.Campaign.Forms;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Pages.Admin.Campaign;

/// <summary>How the admin writes the paperwork's states and times: text and an icon as well as colour, Beijing time.</summary>
public static partial class CampaignLabels
{
    /// <summary>The admin's input of a field as the service names it (<c>events[0].date</c> → <c>Form.Events[0].Date</c>).</summary>
    public static string FieldKey(string requestField)
    {
        ArgumentNullException.ThrowIfNull(requestField);
        // The version is no field a person fills in: its refusal is the page's own message.
        if (requestField == "version")
            return "";
        // metrics.x / sections.x / evidence.x are dictionaries: Form.Metrics[x].
        var dictionary = DictionaryField().Match(requestField);
        if (dictionary.Success)
            return $"Form.{Pascal(dictionary.Groups[1].Value)}[{dictionary.Groups[2].Value}]";
        return "Form." + string.Join('.', requestField.Split('.').Select(Pascal));
    }

    private static string Pascal(string segment) => segment.Length == 0 ? segment : char.ToUpperInvariant(segment[0]) + segment[1..];

    [GeneratedRegex(@"^(metrics|sections|evidence)\.(.+)$")]
    private static partial Regex DictionaryField();

    /// <summary>
    /// A changed field as a person reads it: <c>events[1].place</c> → 第 2 场活动 · 地点, <c>sections.highlights</c> → 四、成效和亮点,
    /// <c>metrics.participants</c> → the metric's label.
    /// </summary>
    public static string FieldLabel(string field, IReadOnlyList<Data.Campaign.CampaignMetric> metrics)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(metrics);
        var parts = field.Split('.');
        var item = ListItem().Match(parts[0]);
        var head = item.Success
            ? $"{(item.Groups[1].Value == "events" ? "第 {0} 场活动" : item.Groups[1].Value == "mediaReports" ? "第 {0} 条媒体报道" : "第 {0} 项")}".Replace("{0}", (int.Parse(item.Groups[2].Value, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            : parts[0] switch
            {
                "sections" when parts.Length > 1 => ReportSections.Find(parts[1])?.Label ?? parts[1],
                "metrics" when parts.Length > 1 => metrics.FirstOrDefault(m => m.Key == parts[1])?.Label ?? parts[1],
                "evidence" when parts.Length > 1 => "证据材料（" + (ReportSections.Find(parts[1])?.Label ?? parts[1]) + "）",
                _ => CampaignRefusals.Chinese(ListItem().Replace(parts[0], "$1")),
            };
        var rest = parts[0] is "sections" or "metrics" or "evidence" ? parts.Skip(2) : parts.Skip(1);
        return string.Join(" · ", rest.Select(p => CampaignRefusals.Chinese(ListItem().Replace(p, "$1"))).Prepend(head));
    }

    [GeneratedRegex(@"^(\w+)\[(\d+)\]$")]
    private static partial Regex ListItem();

    public static string Icon(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Missing => "○",
        SubmissionStatus.Draft => "✎",
        SubmissionStatus.Submitted => "↑",
        SubmissionStatus.Returned => "↩",
        _ => "✔",
    };

    /// <summary>The due time as a person reads it: the day and the minute it ends, 2019年11月13日 23:59.</summary>
    public static string Due(DateTime utc) => BeijingTime.ToBeijing(utc).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    /// <summary>还剩 3 天 / 还剩 5 小时 / 已截止 2 天.</summary>
    public static string Countdown(DateTime dueAt, DateTime now)
    {
        var left = dueAt - now;
        if (left > TimeSpan.Zero)
            return left.TotalDays >= 1 ? $"还剩 {(int)left.TotalDays} 天" : $"还剩 {Math.Max(1, (int)Math.Ceiling(left.TotalHours))} 小时";
        var past = now - dueAt;
        return past.TotalDays >= 1 ? $"已截止 {(int)past.TotalDays} 天" : "今天已截止";
    }
}
