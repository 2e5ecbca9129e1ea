using System.Globalization;
using System.Text.RegularExpressions;
using PatentWeek.Cms.Campaign;
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
