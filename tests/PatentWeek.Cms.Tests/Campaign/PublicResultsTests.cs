using System.Net;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Campaign;

/// <summary>What the public sees of a report, on both providers: an accepted and public report's highlights and key figures, nothing else, ever.</summary>
public abstract class PublicResultsTests(ClockedApp fixture)
{
    private const string Base = "/api/manage/v1/editions/13";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> PageAsync(string path)
    {
        using var response = await fixture.Client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    [Fact]
    public async Task An_accepted_public_report_shows_its_highlights_and_key_figures_and_nothing_else()
    {
        const string city = "421100";
        fixture.Time.SetBeijing(2019, 12, 8, 10, 0, 0);
        using var clerk = await Staff.SignInAsync(fixture.App, Roles.CityContributor, city);
        using var reviewer = await Staff.SignInAsync(fixture.App, Roles.Reviewer);
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var scan = await CampaignData.FileAsync(fixture.App, city, CampaignData.Pdf, "scan.pdf");
        var metrics = new Dictionary<string, decimal>
        {
            ["events-held"] = 3, ["participants"] = 420, ["stories-published"] = 1, ["media-reports"] = 0, ["online-reads"] = 7000,
            ["transactions"] = 9, ["transaction-amount"] = 615.25m, ["pledge-deals"] = 1, ["pledge-amount"] = 300, ["matchmaking"] = 1,
            ["consultations"] = 12, ["agency-aid"] = 2,
        };
        var sections = new Dictionary<string, string>
        {
            ["overall"] = "内部总体情况不公开", ["publicity"] = "宣传", ["transactions"] = "交易",
            ["highlights"] = "黄冈专利质押融资突破三百万元。\n首次举办专利拍卖会。", ["lessons"] = "内部不足不公开", ["next-steps"] = "建议",
        };
        await clerk.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Base}/reports/{city}", new { fields = new { sections, metrics, scan } });
        await clerk.Client.PostAsync($"{Base}/reports/{city}/submit");

        var refused = await editor.Client.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, $"{Base}/reports/{city}/public", new { @public = true });
        Assert.Equal("accept-first", refused.GetProperty("code").GetString());
        await reviewer.Client.PostAsync($"{Base}/reports/{city}/accept");
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.Client.SendAsync(HttpMethod.Post, $"{Base}/reports/{city}/public", new { @public = true })).Status);

        // Accepted but not public: nothing on the site (and the page is cached from here on).
        Assert.DoesNotContain("专利周成效", await PageAsync($"/city/{city}"), StringComparison.Ordinal);
        var shown = await editor.Client.PostAsync($"{Base}/reports/{city}/public", new { @public = true });
        Assert.True(shown.GetProperty("public").GetBoolean());

        var page = await PageAsync($"/city/{city}");
        Assert.Contains("专利周成效", page, StringComparison.Ordinal);
        Assert.Contains("<p>黄冈专利质押融资突破三百万元。</p><p>首次举办专利拍卖会。</p>", page, StringComparison.Ordinal);
        Assert.Contains("<strong>615.25</strong> 万元<span>专利交易金额</span>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("内部总体情况不公开", page, StringComparison.Ordinal);
        Assert.DoesNotContain("内部不足不公开", page, StringComparison.Ordinal);
        Assert.DoesNotContain("7000", page, StringComparison.Ordinal);

        var home = await PageAsync("/");
        Assert.Contains("全省成效", home, StringComparison.Ordinal);
        Assert.Contains("<strong>615.25</strong> 万元<span>专利交易金额</span>", home, StringComparison.Ordinal);

        await editor.Client.PostAsync($"{Base}/reports/{city}/public", new { @public = false });
        Assert.DoesNotContain("专利周成效", await PageAsync($"/city/{city}"), StringComparison.Ordinal);
        Assert.DoesNotContain("全省成效", await PageAsync("/"), StringComparison.Ordinal);
    }
}

public sealed class PublicResultsSqliteTests(ClockedSqliteApp app) : PublicResultsTests(app), IClassFixture<ClockedSqliteApp>;

public sealed class PublicResultsPostgresTests(ClockedPostgresApp app) : PublicResultsTests(app), IClassFixture<ClockedPostgresApp>;
