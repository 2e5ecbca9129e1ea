using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Security;

/// <summary>
/// Every payload goes into every text field of an item (title, summary, tags, source, author, editor,
/// location, body) and the item is published; then the public pages, the delivery API's html and the
/// admin UI's pages (item, editor, revisions, list, dashboard with notifications, review queue, a
/// rejection comment, preview page, trash) are parsed as a browser would and searched for anything that
/// could run script.
/// </summary>
public abstract partial class XssTests(AppFixture fixture)
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public void There_are_at_least_fifty_payloads() => Assert.True(XssPayloads.All.Count >= 50);

    [Fact]
    public async Task No_payload_survives_into_the_site_or_the_delivery_api()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        using var admin = await AdminSession.SignInAsync(fixture.App, editor.Email, Staff.Password);
        var failures = new List<string>();
        for (var n = 0; n < XssPayloads.All.Count; n++)
        {
            var payload = XssPayloads.All[n];
            var slug = $"xss-{n}-{Guid.NewGuid():N}"[..16];
            var id = await editor.Client.CreateAsync(new
            {
                kind = "event",
                title = Cut(payload, 200),
                summary = Cut(payload, 1000),
                body = payload + "\n\n正文 " + payload,
                tags = new[] { Cut(payload, 64) },
                source = Cut(payload, 100),
                author = Cut(payload, 100),
                responsibleEditor = Cut(payload, 100),
                location = Cut(payload, 200),
                city = "420100",
                slug,
            });
            await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");

            var page = await fixture.Client.GetStringAsync(new Uri($"/event/{slug}", UriKind.Relative), TestContext.Current.CancellationToken);
            failures.AddRange(Dangers(page).Select(d => $"payload {n} on the page: {d}"));
            var city = await fixture.Client.GetStringAsync(new Uri("/city/420100", UriKind.Relative), TestContext.Current.CancellationToken);
            failures.AddRange(Dangers(city).Select(d => $"payload {n} on the city page: {d}"));

            var api = await fixture.Client.GetJsonAsync($"/api/v1/content/event/{slug}");
            failures.AddRange(Dangers(api.GetProperty("html").GetString()!).Select(d => $"payload {n} in the API html: {d}"));
            var manage = await editor.Client.GetOkAsync($"/api/manage/v1/content/{id}");
            failures.AddRange(Dangers(manage.GetProperty("html").GetString()!).Select(d => $"payload {n} in the management html: {d}"));

            // A second item goes the other way: submitted, rejected with the payload as the comment,
            // previewed through a link, then deleted — so the review queue, the comment, the notification,
            // the preview page and the trash all show payload text too.
            var draft = await editor.Client.CreateAsync(new { kind = "news", title = Cut(payload, 200), summary = Cut(payload, 1000), body = payload });
            var link = await editor.Client.PostAsync($"/api/manage/v1/content/{draft}/preview-link");
            var preview = await fixture.Client.GetStringAsync(new Uri(new Uri(link.GetProperty("url").GetString()!).PathAndQuery, UriKind.Relative), TestContext.Current.CancellationToken);
            failures.AddRange(Dangers(preview).Select(d => $"payload {n} on the preview page: {d}"));
            await editor.Client.PostAsync($"/api/manage/v1/content/{draft}/submit");
            var review = await admin.GetStringAsync(new Uri("/admin/review", UriKind.Relative), TestContext.Current.CancellationToken);
            failures.AddRange(Dangers(review).Select(d => $"payload {n} on the review queue: {d}"));
            await editor.Client.PostAsync($"/api/manage/v1/content/{draft}/reject", new { comment = Cut(payload, 2000) });

            foreach (var adminPage in new[] { $"/admin/content/{id}", $"/admin/content/edit/{id}", $"/admin/content/{id}/revisions", "/admin/content?q=" + Uri.EscapeDataString(Cut(payload, 20)), "/admin", $"/admin/content/{draft}" })
            {
                var html = await admin.GetStringAsync(new Uri(adminPage, UriKind.Relative), TestContext.Current.CancellationToken);
                Assert.Contains("专利周内容管理", html, StringComparison.Ordinal);
                failures.AddRange(Dangers(html).Select(d => $"payload {n} on {adminPage}: {d}"));
            }

            await editor.Client.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/manage/v1/content/{draft}");
            var trash = await admin.GetStringAsync(new Uri("/admin/trash", UriKind.Relative), TestContext.Current.CancellationToken);
            failures.AddRange(Dangers(trash).Select(d => $"payload {n} in the trash: {d}"));
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>What in a document could run script: script-like elements, event handlers, script URLs, CSS expressions.</summary>
    public static IEnumerable<string> Dangers(string html)
    {
        var document = Parser.ParseDocument(html);
        foreach (var element in document.All)
        {
            var name = element.LocalName;
            if (name is "script" or "iframe" or "object" or "embed" or "base" or "frame" or "frameset" or "applet" or "form" or "link" && !IsOwn(element))
                yield return $"<{name}> element";
            if (name == "meta" && element.GetAttribute("http-equiv") is not null)
                yield return "<meta http-equiv>";
            if (name == "style" && element.TextContent.Length > 0)
                yield return "<style> element";
            foreach (var attribute in element.Attributes)
            {
                var attr = attribute.Name.ToLowerInvariant();
                var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
                if (attr.StartsWith("on", StringComparison.Ordinal))
                    yield return $"event handler {attr} on <{name}>";
                // The one style attribute of our own: the hidden placeholder of a valid validation summary.
                if (attr == "style" && !(name == "li" && value == "display:none" && element.ParentElement?.ParentElement?.ClassList.Contains("validation-summary-valid") == true))
                    yield return $"style attribute on <{name}>";
                if (attr is "href" or "src" or "action" or "formaction" or "xlink:href" or "background" or "data" or "poster"
                    && (value.StartsWith("javascript:", StringComparison.Ordinal) || value.StartsWith("vbscript:", StringComparison.Ordinal) || value.StartsWith("data:", StringComparison.Ordinal)))
                    yield return $"{attr}=\"{attribute.Value}\" on <{name}>";
            }
        }
    }

    /// <summary>A script file of a theme's own assets (its name fingerprinted): the switches, the share card, the hero's countdown.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^/themes/[\w-]+/assets/[\w.-]+\.js$")]
    private static partial System.Text.RegularExpressions.Regex OwnThemeScript();

    /// <summary>
    /// The pages' own assets and forms: the theme's and admin's stylesheet and script, the canonical link,
    /// and forms that carry the antiforgery token or are the admin's filters or the site's search (a GET form to
    /// its own /search) — none of which a
    /// payload can forge, since text from an item is escaped.
    /// </summary>
    private static bool IsOwn(IElement element) => element.LocalName switch
    {
        "link" => element.GetAttribute("rel") == "canonical"
            || (element.GetAttribute("rel") == "alternate" && element.GetAttribute("href") is { } feed && feed.StartsWith('/') && feed.EndsWith(".xml", StringComparison.Ordinal))
            || (element.GetAttribute("rel") == "icon" && element.GetAttribute("href") == "/favicon.ico")
            || element.GetAttribute("href")?.StartsWith("/themes/", StringComparison.Ordinal) == true
            || element.GetAttribute("href")?.StartsWith("/admin/admin.css", StringComparison.Ordinal) == true,
        "script" => element.GetAttribute("src") is { } src && element.TextContent.Length == 0
            && (src.StartsWith("/admin/admin.js", StringComparison.Ordinal) || OwnThemeScript().IsMatch(src)),
        "form" => element.QuerySelector("input[name=__RequestVerificationToken]") is not null
            || element.ClassList.Contains("filters")
            || (element.GetAttribute("role") == "search" && element.GetAttribute("method") == "get" && element.GetAttribute("action") == "/search"),
        _ => false,
    };

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}

public sealed class XssSqliteTests(SqliteApp app) : XssTests(app), IClassFixture<SqliteApp>;

public sealed class XssPostgresTests(PostgresApp app) : XssTests(app), IClassFixture<PostgresApp>;
