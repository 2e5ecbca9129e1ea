using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data.Workflow;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;
using PatentWeek.Cms.Tests.Media;

namespace PatentWeek.Cms.BrowserTests;

/// <summary>
/// Every word a person reads in the admin is Chinese: an administrator signs in with the authenticator code, clicks
/// from the dashboard through every page of the menu and the pages behind them, and meets the refusals an editor
/// meets (a blocked word, a malformed address, a file that is not a picture). On each page no text, and no
/// placeholder, label or alternative text, may be Latin letters alone, apart from a short list of things that are
/// not words (addresses, file names, codes, product names). SQLite only: the integration test
/// ChineseMessagesTests covers the refusals on both providers; this one is about what the browser shows.
/// </summary>
public sealed partial class ChineseTextTests(BrowserFixture browser)
{
    /// <summary>Text that is not a sentence: e-mail and web addresses, paths, file names, codes and names of things.</summary>
    [GeneratedRegex(@"^(
        [\w.+-]+@[\w.-]+                                   # an e-mail address
      | (https?://|/)\S*                                   # a URL or a path
      | [\w.-]+/[\w@.:/-]*                                 # an audit target: content/12, user/a@b.cn, token/3
      | [\w-]+:\d+                                         # wechat-post:4
      | [\w\s.()-]+\.(jpe?g|png|gif|webp|mp4|pdf|docx?|xlsx?|txt|md)  # a file name
      | [\d\s.,:;/%×x+()#-]+                               # numbers, dates, sizes
      | (WeChat\s)?App(Id|ID|Secret)|Token|EncodingAESKey|AES|Markdown|API|HTTP|JSON|URL|ISO\s8601|MP4|PDF|JPEG|PNG|GIF|WebP|H\.264|SVG|UTF-8
      | wx[0-9a-f]{16}                                     # an AppID
      | (GET|POST|PUT|PATCH|DELETE)\s\S+                   # a request line
      | [\d.:a-f]+                                         # an IP address
      | image/\w+|video/\w+|application/[\w.+-]+           # a content type
      | [a-z0-9]+(-[a-z0-9]+)*                             # a slug
    )$", RegexOptions.IgnorePatternWhitespace | RegexOptions.IgnoreCase)]
    private static partial Regex NotWords();

    /// <summary>
    /// The page's text nodes (outside the authors' own content), and its placeholders, labels, titles and alternative
    /// texts, that have Latin letters and no Chinese character.
    /// </summary>
    private const string LatinOnly = """
        () => {
          const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
          const latin = /[A-Za-z]/;
          const skip = 'script, style, template, .prose, pre, code, textarea, iframe, .wechat-body, .preview, #preview';
          const found = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent.replace(/\s+/g, ' ').trim();
            if (!text || !latin.test(text) || cjk.test(text) || node.parentElement.closest(skip)) continue;
            found.push(text);
          }
          for (const el of document.querySelectorAll('[placeholder], [aria-label], [title], img[alt], input[type=submit][value], button[value]')) {
            if (el.closest(skip)) continue;
            for (const name of ['placeholder', 'aria-label', 'title', 'alt']) {
              const value = (el.getAttribute(name) || '').trim();
              if (value && latin.test(value) && !cjk.test(value)) found.push(name + '=' + value);
            }
          }
          return found;
        }
        """;

    [Fact]
    public async Task Every_admin_page_and_refusal_a_person_meets_is_in_Chinese()
    {
        browser.RequireBrowser();
        await using var cms = await LiveCms.StartAsync(DatabaseProvider.Sqlite);
        var adminUser = await Staff.CreateUserAsync(cms.App, Roles.Administrator);
        var blocked = "禁词" + Guid.NewGuid().ToString("N")[..4];
        await using (var db = cms.App.CreateContext())
        {
            db.SensitiveWords.Add(new SensitiveWord { Word = blocked, Level = SensitiveWordLevel.Block });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // Something in every list: a draft with a blocked word, a published item sent to WeChat, a picture; the
        // audit log then holds media.upload, wechat.crosspost and the workflow's keys.
        using var api = await Staff.SignInAsync(cms.App, Roles.Editor);
        var media = (await api.Client.UploadOkAsync(TestImages.Jpeg(800, 600), "现场.jpg", alt: "现场")).GetProperty("id").GetInt32();
        var draftTitle = "含禁用词的草稿";
        await api.Client.CreateAsync(new { kind = "news", title = draftTitle, body = $"正文里有{blocked}。" });
        var publishedTitle = "已发布的新闻";
        var published = await api.Client.CreateAsync(new { kind = "news", title = publishedTitle, body = "第一段。", cover = $"/media/{media}" });
        await api.Client.PostAsync($"/api/manage/v1/content/{published}/publish");
        await api.Client.ExpectAsync(System.Net.HttpStatusCode.Accepted, HttpMethod.Post, $"/api/manage/v1/content/{published}/wechat");

        var admin = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, "chinese");
        var page = admin.Page;
        var failures = new List<string>();
        async Task ScanAsync(string what)
        {
            await page.WaitForLoadStateAsync(LoadState.Load);
            var texts = await page.EvaluateAsync<string[]>(LatinOnly);
            failures.AddRange(texts.Where(t => !NotWords().IsMatch(t.Contains('=', StringComparison.Ordinal) ? t[(t.IndexOf('=', StringComparison.Ordinal) + 1)..] : t))
                .Select(t => $"{what} ({new Uri(page.Url).PathAndQuery}): {t}"));
        }

        // Signing in, wrong code first.
        await admin.GoAsync("/admin/signin");
        await ScanAsync("sign-in");
        await page.GetByLabel("邮箱").FillAsync(adminUser.Email!);
        await page.GetByLabel("密码").FillAsync(Staff.Password);
        await admin.ClickAsync("登录");
        await page.WaitForURLAsync(new Regex("/admin/signin-code"));
        await page.GetByLabel("验证码").FillAsync("000000");
        await admin.ClickAsync("验证");
        await Assertions.Expect(page.Locator(".field-validation-error")).ToBeVisibleAsync();
        await ScanAsync("wrong code");
        await page.GetByLabel("验证码").FillAsync(await Staff.CodeAsync(cms.App, adminUser));
        await admin.ClickAsync("验证");
        await page.WaitForURLAsync(cms.BaseUrl + "/admin");
        await ScanAsync("dashboard");

        // The scan itself finds English where there is some (and lets an address pass).
        await page.EvaluateAsync("() => { const p = document.createElement('p'); p.id = 'probe'; p.textContent = 'The value is invalid.'; document.body.append(p); }");
        await page.EvaluateAsync("() => { const p = document.createElement('p'); p.id = 'probe2'; p.textContent = 'editor@patentweek.test'; document.body.append(p); }");
        var probe = await page.EvaluateAsync<string[]>(LatinOnly);
        Assert.Equal(["The value is invalid."], probe.Where(t => !NotWords().IsMatch(t)).ToArray());
        await page.EvaluateAsync("() => { document.getElementById('probe').remove(); document.getElementById('probe2').remove(); }");

        // Every page of the menu, by clicking it.
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "管理导航" });
        var names = (await menu.GetByRole(AriaRole.Link).AllInnerTextsAsync()).Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
        Assert.Contains("审计日志", names);
        Assert.Contains("微信", names);
        foreach (var name in names)
        {
            await menu.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
            await ScanAsync(name);
        }

        foreach (var name in new[] { "修改密码", "双因素登录" })
        {
            await page.Locator("header .me").GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
            await ScanAsync(name);
        }

        await menu.GetByRole(AriaRole.Link, new() { Name = "微信", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "公众号设置" }).ClickAsync();
        await ScanAsync("wechat settings");

        // Behind the content list: an item, its editor, its history, its WeChat preview.
        await menu.GetByRole(AriaRole.Link, new() { Name = "内容", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = publishedTitle, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/admin/content/\d+$"));
        await ScanAsync("item");
        await page.GetByRole(AriaRole.Link, new() { Name = "修订历史" }).ClickAsync();
        await ScanAsync("revisions");
        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "微信预览" }).ClickAsync();
        await ScanAsync("wechat preview");
        await page.GoBackAsync();

        // A malformed address on the editor form: refused next to its field.
        await page.GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();
        await ScanAsync("editor");
        await page.GetByLabel("网址别名").FillAsync("Bad Slug!");
        await admin.ClickAsync("保存");
        await Assertions.Expect(page.Locator(".field-validation-error").First).ToBeVisibleAsync();
        await ScanAsync("malformed slug");

        // A blocked word: refused on submit.
        await menu.GetByRole(AriaRole.Link, new() { Name = "内容", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = draftTitle, Exact = true }).ClickAsync();
        await admin.ClickAsync("提交审核");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("禁用词");
        await ScanAsync("blocked word");

        // A picture, and a file that is not one.
        await menu.GetByRole(AriaRole.Link, new() { Name = "媒体库", Exact = true }).ClickAsync();
        await page.Locator($"a[href='/admin/media/{media}']").First.ClickAsync();
        await ScanAsync("media item");
        await page.GoBackAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "photo.jpg", MimeType = "image/jpeg", Buffer = "not a picture"u8.ToArray() });
        await Assertions.Expect(page.Locator(".uploads .error")).ToBeVisibleAsync();
        await ScanAsync("refused upload");

        // The audit log names every action in Chinese (media.upload and wechat.crosspost included).
        await menu.GetByRole(AriaRole.Link, new() { Name = "审计日志", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "上传媒体", Exact = true }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "同步到微信", Exact = true }).First).ToBeVisibleAsync();
        await ScanAsync("audit log");
        await admin.CheckAsync("audit");

        Assert.True(failures.Count == 0, "Latin-only text in the admin:\n" + string.Join('\n', failures.Distinct()));
    }
}
