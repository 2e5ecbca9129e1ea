using System.Globalization;
using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Campaign;

/// <summary>
/// The provincial summary's .docx and .xlsx, on both providers, read back and every figure checked against the database
/// (read here on its own, not through the code that wrote the files).
/// </summary>
public abstract class ExportTests(ClockedApp fixture)
{
    private const string Base = "/api/manage/v1/editions/13";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Expected(string Name, string Code, int EventsHeld, int StoriesPublished, Dictionary<string, decimal> Metrics);

    [Fact]
    public async Task The_docx_and_xlsx_carry_every_city_s_figures_as_the_database_has_them()
    {
        await FileReportAsync("420100", 350, 1280.5m, "湖北日报");
        await FileReportAsync("420500", 120, 88.25m, "三峡日报");
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        using var reviewer = await Staff.SignInAsync(fixture.App, Roles.Reviewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.Client.GetAsync($"{Base}/summary.xlsx", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.Client.GetAsync("/api/manage/v1/editions/99/summary.docx", Ct)).StatusCode);
        var expected = await ExpectedAsync();

        using var xlsx = await editor.Client.GetAsync($"{Base}/summary.xlsx", Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        await using (var sheet = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct)))
        {
            var rows = sheet.Query(useHeaderRow: true, sheetName: "市州数据").Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(expected.Select(e => e.Name), rows.Select(r => (string)r["市州"]!));
            foreach (var (row, city) in rows.Zip(expected))
            {
                Assert.Equal(city.EventsHeld, Convert.ToInt32(row["举办主题活动"], CultureInfo.InvariantCulture));
                Assert.Equal(city.StoriesPublished, Convert.ToInt32(row["亮点稿件"], CultureInfo.InvariantCulture));
                foreach (var (label, value) in city.Metrics)
                    Assert.Equal(value, Convert.ToDecimal(row[label], CultureInfo.InvariantCulture));
            }

            sheet.Position = 0;
            var media = sheet.Query(useHeaderRow: true, sheetName: "媒体报道").Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(["湖北日报", "三峡日报"], media.Select(m => (string)m["媒体"]!));
        }

        using var docx = await editor.Client.GetAsync($"{Base}/summary.docx", Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        await using var word = new MemoryStream(await docx.Content.ReadAsByteArrayAsync(Ct));
        using var document = WordprocessingDocument.Open(word, false);
        var body = document.MainDocumentPart!.Document.Body!;
        var text = body.InnerText;
        foreach (var heading in new[] { "一、专利周开展总体情况", "二、宣传报道情况", "三、专利交易与服务对接情况", "四、成效和亮点", "五、经验和不足", "六、下一步工作建议" })
            Assert.Contains(heading, text, StringComparison.Ordinal);
        Assert.Contains($"共举办主题活动 {expected.Sum(e => e.EventsHeld)} 场", text, StringComparison.Ordinal);
        Assert.Contains($"专利交易金额 {expected.Sum(e => e.Metrics.GetValueOrDefault("专利交易金额（万元）")).ToString("0.##", CultureInfo.InvariantCulture)} 万元", text, StringComparison.Ordinal);
        Assert.Contains("武汉市：质押融资取得突破。", text, StringComparison.Ordinal);
        Assert.Equal("宋体", document.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!.EastAsia!.Value);

        var table = body.Elements<Table>().Single();
        var cells = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        var header = cells[0];
        foreach (var city in expected)
        {
            var row = cells.Single(r => r[0] == city.Name);
            Assert.Equal($"{city.EventsHeld}/", row[2][..(row[2].IndexOf('/', StringComparison.Ordinal) + 1)]);
            Assert.Equal(city.StoriesPublished.ToString(CultureInfo.InvariantCulture), row[3]);
            foreach (var (label, value) in city.Metrics)
                Assert.Equal(value.ToString("0.##", CultureInfo.InvariantCulture), row[header.IndexOf(label)]);
        }
    }

    private async Task FileReportAsync(string city, int participants, decimal amount, string outlet)
    {
        using var clerk = await Staff.SignInAsync(fixture.App, Roles.CityContributor, city);
        fixture.Time.SetBeijing(2019, 12, 8, 10, 0, 0);
        var scan = await CampaignData.FileAsync(fixture.App, city, CampaignData.Pdf, "scan.pdf");
        var metrics = new Dictionary<string, decimal>
        {
            ["events-held"] = 2, ["participants"] = participants, ["stories-published"] = 1, ["media-reports"] = 1, ["online-reads"] = 9000,
            ["transactions"] = 12, ["transaction-amount"] = amount, ["pledge-deals"] = 3, ["pledge-amount"] = 5000, ["matchmaking"] = 2,
            ["consultations"] = 40, ["agency-aid"] = 5,
        };
        var sections = new Dictionary<string, string>
        {
            ["overall"] = "总体", ["publicity"] = "宣传", ["transactions"] = "交易", ["highlights"] = "质押融资取得突破。", ["lessons"] = "不足", ["next-steps"] = "建议",
        };
        await clerk.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Base}/reports/{city}", new
        {
            fields = new { sections, metrics, mediaReports = new[] { new { outlet, title = "专利周报道", date = "2019-12-04", url = "https://news.example.cn/a.html" } }, scan },
        });
        await clerk.Client.PostAsync($"{Base}/reports/{city}/submit");
    }

    /// <summary>The figures straight from the tables: reports' JSON, published items, metric labels.</summary>
    private async Task<List<Expected>> ExpectedAsync()
    {
        await using var db = fixture.App.CreateContext();
        var edition = await db.Editions.SingleAsync(e => e.Number == 13, Ct);
        var labels = await db.CampaignMetrics.Where(m => m.EditionId == edition.Id).ToDictionaryAsync(m => m.Key, m => $"{m.Label}（{m.Unit}）", Ct);
        var reports = await db.CitySubmissions.Where(s => s.EditionId == edition.Id && s.Kind == SubmissionKind.Report).ToListAsync(Ct);
        var items = await db.ContentItems.Where(i => i.EditionId == edition.Id && i.State == ContentState.Published && i.DeletedAt == null && i.CityCode != null)
            .Select(i => new { i.CityCode, i.Kind }).ToListAsync(Ct);
        var cities = await db.Cities.OrderBy(c => c.SortOrder).ToListAsync(Ct);
        return [.. cities.Select(c =>
        {
            var metrics = new Dictionary<string, decimal>();
            if (reports.FirstOrDefault(r => r.CityCode == c.Code) is { } report)
            {
                foreach (var p in JsonDocument.Parse(report.Data).RootElement.GetProperty("metrics").EnumerateObject())
                    metrics[labels[p.Name]] = p.Value.GetDecimal();
            }

            return new Expected(c.Name, c.Code, items.Count(i => i.CityCode == c.Code && i.Kind == ContentKind.Event),
                items.Count(i => i.CityCode == c.Code && i.Kind == ContentKind.Story), metrics);
        })];
    }
}

public sealed class ExportSqliteTests(ClockedSqliteApp app) : ExportTests(app), IClassFixture<ClockedSqliteApp>;

public sealed class ExportPostgresTests(ClockedPostgresApp app) : ExportTests(app), IClassFixture<ClockedPostgresApp>;
