using Microsoft.Playwright;
using PatentWeek.Cms.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PatentWeek.Cms.BrowserTests;

/// <summary>
/// A reader on a phone searches from the home page's header: types a two-character word, sees the results with the
/// word marked, narrows them to one kind by its filter, opens a result; a query of punctuation alone gets a message next
/// to the box. Each step is checked as a person sees it (a screenshot, nothing on the console, axe).
/// </summary>
public sealed class SiteSearchTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_reader_types_a_two_character_word_into_the_header_box_on_a_phone_and_opens_a_result()
    {
        browser.RequireBrowser();
        await using var cms = await LiveCms.StartAsync(DatabaseProvider.Sqlite);
        await using var phone = await SiteVisitor.OpenAsync(browser.Browser!, SiteVisitor.Phone, "site-search");
        var page = phone.Page;

        await phone.VisitAsync(cms.BaseUrl + "/");
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "搜索本站" });
        await Expect(box).ToBeVisibleAsync();
        await box.FillAsync("专利");
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/search?q=", StringComparison.Ordinal));

        // The query stays in the box; the results mark the whole word.
        await Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "搜索词" })).ToHaveValueAsync("专利");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("与“专利”相关的内容");
        var results = page.Locator("ol.results > li");
        Assert.True(await results.CountAsync() > 1);
        Assert.Equal("专利", await page.Locator(".result-snippet mark").First.TextContentAsync());
        await phone.CheckAsync("results");

        // Narrowed to the news by its filter, which shows how many there are.
        var news = page.GetByRole(AriaRole.Navigation, new() { Name = "按类型筛选" }).GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^新闻动态") });
        var count = int.Parse(System.Text.RegularExpressions.Regex.Match(await news.TextContentAsync() ?? "", @"（(\d+)）").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await news.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("kind=news", StringComparison.Ordinal));
        await Expect(results).ToHaveCountAsync(Math.Min(count, 20));
        await Expect(news).ToHaveAttributeAsync("aria-current", "page");

        // The first result opens its item.
        var first = results.First.Locator("a.result-title");
        var title = (await first.TextContentAsync())!.Trim();
        await first.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/news/", StringComparison.Ordinal));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await phone.CheckAsync("result-opened");

        // Punctuation alone is nothing to search for: said next to the box, which keeps what was typed.
        await page.GoBackAsync();
        var searchBox = page.GetByRole(AriaRole.Searchbox, new() { Name = "搜索词" });
        await searchBox.FillAsync("！！？");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("搜索词里没有可以查找的文字，请换一个词。");
        await Expect(searchBox).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(searchBox).ToHaveValueAsync("！！？");
        phone.ExpectStatusReported(400);
        await phone.CheckAsync("refused");
    }
}
