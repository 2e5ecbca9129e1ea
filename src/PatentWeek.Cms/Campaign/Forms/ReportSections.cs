namespace PatentWeek.Cms.Campaign.Forms;

/// <summary>A section of the summary report's template (the notice's 附件), with its prompt.</summary>
public sealed record ReportSection(string Key, string Label, string Prompt);

/// <summary>The template's six sections, in its order; the report, the export and the dashboard all read them from here.</summary>
public static class ReportSections
{
    public static readonly IReadOnlyList<ReportSection> All =
    [
        new("overall", "一、专利周开展总体情况", "活动方案制定实施情况，各地举办专利周活动具体情况等。"),
        new("publicity", "二、宣传报道情况", "通过数据和媒体报道情况体现专利周活动的宣传效果。"),
        new("transactions", "三、专利交易与服务对接情况", "通过数据体现专利交易和服务对接成果。"),
        new("highlights", "四、成效和亮点", "通过数据和实例体现工作创新点和绩效亮点。"),
        new("lessons", "五、经验和不足", ""),
        new("next-steps", "六、下一步工作建议", ""),
    ];

    public static ReportSection? Find(string key) => All.FirstOrDefault(s => s.Key == key);

    /// <summary>The section the public sees of an accepted, public report.</summary>
    public const string Public = "highlights";
}
