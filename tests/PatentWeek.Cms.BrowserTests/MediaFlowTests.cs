using System.Globalization;
using Microsoft.Playwright;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;
using PatentWeek.Cms.Tests.Media;

namespace PatentWeek.Cms.BrowserTests;

/// <summary>
/// The issue's "done when", in a real browser on a real server: an editor uploads a photo by dragging it in,
/// sets its focal point by clicking, picks it as a cover, publishes; the public page serves responsive WebP
/// renditions, and the card and thumbnail crops are cut around the clicked point.
/// </summary>
public abstract class MediaFlowTests(BrowserFixture browser, DatabaseProvider provider)
{
    [Fact]
    public async Task An_editor_uploads_a_photo_sets_its_focal_point_and_the_site_crops_around_it()
    {
        browser.RequireBrowser();
        await using var cms = await LiveCms.StartAsync(provider);
        var editorUser = await Staff.CreateUserAsync(cms.App, Roles.Editor);
        var editor = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, provider.ToString().ToLowerInvariant() + "-media");
        await editor.SignInAsync(editorUser.Email!, Staff.Password);

        // Upload: 2:1, left half red, right half blue, so where a square crop is cut shows in its colour.
        await editor.NavAsync("媒体库");
        await editor.CheckAsync("library");
        // The seed's sample film (with its poster and captions) is already in the library: count from what is there.
        var count = editor.Page.GetByText(new System.Text.RegularExpressions.Regex(@"^共 \d+ 个$"));
        var before = int.Parse(System.Text.RegularExpressions.Regex.Match(await count.InnerTextAsync(), @"\d+").Value, CultureInfo.InvariantCulture);
        await editor.Page.GetByLabel("替代文字").FillAsync("宣传周启动仪式");
        await editor.Page.Locator("#upload-file").SetInputFilesAsync(new FilePayload
        {
            Name = "启动仪式.jpg",
            MimeType = "image/jpeg",
            Buffer = TestImages.Jpeg(2000, 1000),
        });
        await Assertions.Expect(editor.Page.Locator(".uploads li").First).ToContainTextAsync("已上传");
        // The count and the grid follow the upload without a reload.
        await Assertions.Expect(editor.Page.GetByText($"共 {before + 1} 个")).ToBeVisibleAsync();
        await Assertions.Expect(editor.Page.Locator(".media-grid a", new() { HasText = "启动仪式.jpg" })).ToBeVisibleAsync();
        await editor.CheckAsync("uploaded");
        await editor.FollowAsync("已上传，打开");
        Assert.Matches(@"/admin/media/\d+$", editor.Page.Url);
        var mediaId = int.Parse(editor.Page.Url.Split('/')[^1], CultureInfo.InvariantCulture);

        // A refused file says why, next to its name, and the count stays.
        await editor.NavAsync("媒体库");
        await editor.Page.Locator("#upload-file").SetInputFilesAsync(new FilePayload { Name = "page.jpg", MimeType = "image/jpeg", Buffer = TestImages.HtmlPage });
        await Assertions.Expect(editor.Page.Locator(".uploads .error").First).ToContainTextAsync("不支持这种文件");
        await Assertions.Expect(editor.Page.GetByText($"共 {before + 1} 个")).ToBeVisibleAsync();

        // Focal point: open the photo from the grid, click a tenth of the way in from the left, halfway down.
        await editor.FollowAsync(editor.Page.Locator(".media-grid a", new() { HasText = "启动仪式.jpg" }));
        Assert.EndsWith($"/admin/media/{mediaId}", editor.Page.Url, StringComparison.Ordinal);
        var picture = editor.Page.Locator("[data-focal] img");
        var box = (await picture.BoundingBoxAsync())!;
        await picture.ClickAsync(new LocatorClickOptions { Position = new Position { X = box.Width * 0.1f, Y = box.Height * 0.5f } });
        Assert.Equal(0.1, double.Parse(await editor.Page.Locator("#FocalX").InputValueAsync(), CultureInfo.InvariantCulture), 2);
        await editor.ClickAsync("保存");
        await Assertions.Expect(editor.Page.Locator(".flash")).ToContainTextAsync("已保存");

        // The crops follow the point (the job runs in the background; the page shows them once made).
        string? square = null;
        for (var i = 0; i < 60 && square != "0_0_0.5_1"; i++)
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            await editor.Page.ReloadAsync();
            var caption = editor.Page.Locator("figcaption", new() { HasText = "微信封面 1:1" }).Locator("code");
            square = await caption.CountAsync() > 0 ? await caption.InnerTextAsync() : null;
        }

        Assert.Equal("0_0_0.5_1", square);
        await editor.CheckAsync("focal-point");

        // A pinned news item with this cover, picked from the library in the editor.
        await editor.NavAsync("工作台");
        await editor.FollowAsync("新建内容");
        await editor.Page.GetByLabel("标题", new() { Exact = true }).FillAsync("宣传周启动");
        await editor.Page.GetByLabel("正文（Markdown）").FillAsync("启动仪式在武汉举行。");
        await editor.Page.GetByLabel("置顶").CheckAsync();
        await editor.ClickAsync("从媒体库选择");
        await editor.Page.Locator($"dialog button[data-address='/media/{mediaId}']").ClickAsync();
        Assert.Equal($"/media/{mediaId}", await editor.Page.Locator("#cover").InputValueAsync());
        await editor.ClickAsync("保存");
        await editor.Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/admin/content/\d+$"));
        await editor.ClickAsync("发布");
        await Assertions.Expect(editor.Page.Locator(".state")).ToHaveTextAsync("已发布");

        // The public site on a phone: WebP chosen from the srcset, the 16:9 card cut around the red side.
        var context = await browser.Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, DeviceScaleFactor = 2 });
        var phone = await context.NewPageAsync();
        await phone.GotoAsync(cms.BaseUrl + "/");
        var card = phone.Locator(".card.wide img.card-picture").First;
        await card.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(card).ToHaveJSPropertyAsync("complete", true);
        var cardSrc = await card.EvaluateAsync<string>("img => img.currentSrc");
        Assert.Contains("/card-", cardSrc, StringComparison.Ordinal);
        Assert.EndsWith(".webp", cardSrc, StringComparison.Ordinal);
        using var http = new HttpClient();
        var cardFile = await http.GetByteArrayAsync(cardSrc, TestContext.Current.CancellationToken);
        // 16:9 of a 2:1 picture keeps nearly all of it; around x = 0.1 the crop starts at the left edge,
        // so its left quarter is red and its right quarter blue.
        Assert.True(TestImages.PixelAt(cardFile, 0.1, 0.4).Red > 200);
        Assert.True(TestImages.PixelAt(cardFile, 0.9, 0.4).Blue > 200);

        await phone.Locator(".card.wide a").First.ClickAsync();
        var cover = phone.Locator(".cover picture img");
        await Assertions.Expect(cover).ToHaveJSPropertyAsync("complete", true);
        var coverSrc = await cover.EvaluateAsync<string>("img => img.currentSrc");
        Assert.EndsWith(".webp", coverSrc, StringComparison.Ordinal);
        Assert.Equal("宣传周启动仪式", await cover.GetAttributeAsync("alt"));
        Assert.Equal(0, await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));

        // The square thumbnail (used by list cards) is all red: cut around the clicked point.
        var api = await http.GetStringAsync(cms.BaseUrl + "/api/v1/content?kind=news", TestContext.Current.CancellationToken);
        var thumb = System.Text.Json.JsonDocument.Parse(api).RootElement.GetProperty("items").EnumerateArray()
            .First(i => i.GetProperty("title").GetString() == "宣传周启动").GetProperty("coverImage").GetProperty("thumbnail").GetProperty("src").GetString();
        var thumbColour = TestImages.PixelAt(await http.GetByteArrayAsync(cms.BaseUrl + thumb, TestContext.Current.CancellationToken), 0.5, 0.4);
        Assert.True(thumbColour.Red > 200 && thumbColour.Blue < 60, $"thumbnail centre is {thumbColour}");
    }
}

public sealed class MediaFlowSqliteTests(BrowserFixture browser) : MediaFlowTests(browser, DatabaseProvider.Sqlite);

public sealed class MediaFlowPostgresTests(BrowserFixture browser) : MediaFlowTests(browser, DatabaseProvider.PostgreSql);
