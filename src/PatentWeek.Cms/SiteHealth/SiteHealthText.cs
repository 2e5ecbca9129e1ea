using System.Globalization;
using System.Text;

namespace PatentWeek.Cms.SiteHealth;

/// <summary>The report as plain Chinese text, as the <c>site-health</c> command prints it.</summary>
public static class SiteHealthText
{
    public static string Of(SiteHealthReport report, Uri site)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(site);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"网站体检报告（{site}，{report.At:yyyy-MM-dd HH:mm} 北京时间）\n");
        text.Append(CultureInfo.InvariantCulture, $"检查了 {report.PagesCrawled} 个页面、{report.LinksChecked} 个地址。\n");
        text.Append(CultureInfo.InvariantCulture,
            $"严重 {report.Count(HealthSeverity.Error)} 项，警告 {report.Count(HealthSeverity.Warning)} 项，提示 {report.Count(HealthSeverity.Notice)} 项。\n");
        if (report.Findings.Count == 0)
            text.Append("未发现问题。\n");
        foreach (var finding in report.Findings)
            text.Append(CultureInfo.InvariantCulture, $"[{finding.SeverityLabel}] {finding.Message}\n    处理：{finding.FixUrl}\n");
        return text.ToString();
    }
}
