using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PatentWeek.Cms.Campaign.Forms;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Campaign.Exports;

/// <summary>
/// The province's summary as a Word draft in the template's six sections: each pre-filled with the province's totals
/// and the cities' own words, a table of every metric per city, the stories and events with their links, and the
/// late and missing list. Fonts are named for Chinese (宋体 for text, 黑体 for headings) so it opens right anywhere.
/// </summary>
public static class SummaryDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(ProvincialSummary summary, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            main.Document = new Document(body);
            var t = summary.Totals;
            var metrics = summary.Compliance.Metrics;
            string Total(string key) => metrics.FirstOrDefault(m => m.Key == key) is { } m ? $"{m.Label} {Number(t.Metrics[key])} {m.Unit}" : "";

            body.Append(Paragraph(summary.Title, bold: true, size: 36, center: true, font: "黑体"));
            body.Append(Paragraph($"本稿由系统根据各市州报送的活动方案、总结报告和网站发布情况于 {BeijingTime.ToBeijing(now):yyyy年M月d日 HH:mm} 生成，供省局修改定稿。", size: 21));

            var owed = summary.Compliance.Rows.Count;
            body.Append(Heading(ReportSections.All[0].Label));
            body.Append(Paragraph($"全省 {owed} 个市州中，{t.PlansIn} 个提交了活动方案（逾期 {t.PlansLate} 个），{t.ReportsIn} 个提交了总结报告（逾期 {t.ReportsLate} 个）。"
                + $"各地共举办主题活动 {t.EventsHeld} 场（各市州要求合计 {t.EventsRequired} 场），在网站发布市州亮点稿件 {t.StoriesPublished} 篇。"));
            body.Append(Paragraph("主要数据：" + string.Join("；", metrics.Select(m => $"{m.Label} {Number(t.Metrics[m.Key])} {m.Unit}")) + "。"));
            body.Append(MetricsTable(summary));
            AppendCities(body, summary, "overall");

            body.Append(Heading(ReportSections.All[1].Label));
            body.Append(Paragraph(Join("宣传报道方面，", Total("media-reports"), Total("online-reads"))));
            foreach (var r in summary.MediaReports)
                body.Append(LinkParagraph(main, $"{r.City}：{r.Outlet}《{r.Title}》{r.Date:yyyy年M月d日} ", r.Url));
            AppendCities(body, summary, "publicity");

            body.Append(Heading(ReportSections.All[2].Label));
            body.Append(Paragraph(Join("专利交易与服务对接方面，", Total("transactions"), Total("transaction-amount"), Total("pledge-deals"), Total("pledge-amount"),
                Total("matchmaking"), Total("consultations"), Total("agency-aid"))));
            AppendCities(body, summary, "transactions");

            body.Append(Heading(ReportSections.All[3].Label));
            body.Append(Paragraph("市州亮点稿件：", bold: true));
            foreach (var s in summary.Stories)
                body.Append(LinkParagraph(main, $"{s.City}：{s.Title} ", s.Url));
            body.Append(Paragraph("主题活动：", bold: true));
            foreach (var e in summary.Events)
                body.Append(LinkParagraph(main, $"{e.City}：{e.Title}（{(e.At is { } at ? BeijingTime.ToBeijing(at).ToString("M月d日", CultureInfo.InvariantCulture) : "")}，{e.Place}）", e.Url));
            AppendCities(body, summary, "highlights");

            body.Append(Heading(ReportSections.All[4].Label));
            AppendCities(body, summary, "lessons");
            body.Append(Heading(ReportSections.All[5].Label));
            AppendCities(body, summary, "next-steps");

            body.Append(Heading("附：逾期和未报送情况"));
            body.Append(Paragraph(summary.LateOrMissing.Count == 0 ? "各市州均按时报送。" : string.Join("；", summary.LateOrMissing) + "。"));
            body.Append(new SectionProperties(new PageSize { Width = 11906U, Height = 16838U }, new PageMargin { Top = 1440, Bottom = 1440, Left = 1587U, Right = 1474U }));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Join(string lead, params string[] parts) =>
        parts.Any(p => p.Length > 0) ? lead + string.Join("，", parts.Where(p => p.Length > 0)) + "。" : lead + "各市州尚未填报数据。";

    /// <summary>Each city's own text of a section, for the office to condense.</summary>
    private static void AppendCities(Body body, ProvincialSummary summary, string section)
    {
        foreach (var row in summary.Compliance.Rows)
        {
            if (summary.Reports.TryGetValue(row.City.Code, out var report) && report.Sections.GetValueOrDefault(section) is { Length: > 0 } text)
                body.Append(Paragraph($"{row.City.Name}：{text}"));
        }
    }

    private static Table MetricsTable(ProvincialSummary summary)
    {
        var metrics = summary.Compliance.Metrics;
        var table = new Table(new TableProperties(
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(Row(true, ["市州", "活动方案", "主题活动（举办/要求）", "亮点稿件", "总结报告", .. metrics.Select(m => $"{m.Label}（{m.Unit}）")]));
        foreach (var r in summary.Compliance.Rows)
        {
            table.Append(Row(false, [r.City.Name, State(r.Plan), $"{r.EventsHeld}/{r.EventsRequired}", r.StoriesPublished.ToString(CultureInfo.InvariantCulture), State(r.Report),
                .. metrics.Select(m => r.Metrics.GetValueOrDefault(m.Key) is { } v ? Number(v) : "—")]));
        }

        var t = summary.Totals;
        table.Append(Row(true, ["合计", $"{t.PlansIn}", $"{t.EventsHeld}/{t.EventsRequired}", $"{t.StoriesPublished}", $"{t.ReportsIn}", .. metrics.Select(m => Number(t.Metrics[m.Key]))]));
        return table;
    }

    private static string State(SlotState? state) => state is null ? "不需报送"
        : SubmissionLifecycle.Label(state.Status) + (state.Late ? "（逾期）" : state.Overdue ? "（逾期未交）" : "");

    private static TableRow Row(bool header, IEnumerable<string> cells) =>
        new(cells.Select(c => new TableCell(Paragraph(c, bold: header, size: 18))));

    private static Paragraph Heading(string text) => Paragraph(text, bold: true, size: 28, font: "黑体");

    private static Paragraph Paragraph(string text, bool bold = false, int size = 24, bool center = false, string? font = null)
    {
        var properties = new ParagraphProperties(new SpacingBetweenLines { After = "120" });
        if (center)
            properties.Append(new Justification { Val = JustificationValues.Center });
        return new Paragraph(properties, Run(text, bold, size, font));
    }

    private static Paragraph LinkParagraph(MainDocumentPart main, string text, string? url)
    {
        var paragraph = new Paragraph(Run(text, false, 24, null));
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            var relation = main.AddHyperlinkRelationship(uri, true);
            var link = Run(url, false, 24, null);
            link.RunProperties!.Append(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single });
            paragraph.Append(new Hyperlink(link) { Id = relation.Id });
        }

        return paragraph;
    }

    private static Run Run(string text, bool bold, int size, string? font)
    {
        var properties = new RunProperties();
        if (font is not null)
            properties.Append(new RunFonts { EastAsia = font, Ascii = font, HighAnsi = font });
        if (bold)
            properties.Append(new Bold());
        properties.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>The document's default fonts: 宋体 for Chinese, Times New Roman for Latin, 12 pt.</summary>
    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = "宋体", ComplexScript = "Times New Roman" },
                new FontSize { Val = "24" },
                new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault()));
        styles.Styles.Save();
    }
}
