using System.Net;
using System.Text.RegularExpressions;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Site;

/// <summary>
/// The 适老化 switches as served: a skip link to a target that exists, font buttons and the contrast toggle with
/// <c>aria-pressed</c>, hidden until the external script runs (no inline script; the policy allows the site's own files).
/// </summary>
public abstract partial class AccessibilityTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/page/notice")]
    [InlineData("/city/420600")]
    [InlineData("/no/such/page")]
    public async Task Every_page_has_the_skip_link_to_main_and_the_switches(string url)
    {
        using var response = await fixture.Client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var skip = html.IndexOf("<a class=\"skip-link\" href=\"#main\">跳到正文</a>", StringComparison.Ordinal);
        Assert.True(skip > 0, "no skip link");
        Assert.True(skip < html.IndexOf("<header class=\"masthead\"", StringComparison.Ordinal), "the skip link is not the first thing to tab to");
        Assert.Contains("<main id=\"main\">", html, StringComparison.Ordinal);

        // Without script the bar stays hidden: no button that does nothing.
        Assert.Contains("<div class=\"a11y-bar\" id=\"a11y-bar\" hidden>", html, StringComparison.Ordinal);
        var buttons = Button().Matches(html).Select(m => m.Value).ToList();
        Assert.Equal(4, buttons.Count);
        Assert.All(buttons, b => Assert.Matches("aria-pressed=\"(true|false)\"", b));
        foreach (var (id, text) in new[] { ("a11y-font-large", "大"), ("a11y-font-medium", "中"), ("a11y-font-small", "小"), ("a11y-contrast", "高对比度") })
            Assert.Contains(buttons, b => b.Contains($"id=\"{id}\"", StringComparison.Ordinal) && b.EndsWith($">{text}</button>", StringComparison.Ordinal));
        // 中 is the default size, pressed until a choice is remembered.
        Assert.Contains("aria-pressed=\"true\"", buttons.Single(b => b.Contains("a11y-font-medium", StringComparison.Ordinal)), StringComparison.Ordinal);

        // Scripts are files only: none inline, and the policy lets exactly the site's own run.
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
        Assert.Matches("<script src=\"/themes/default/assets/a11y\\.[0-9a-f]{10}\\.js\"></script>", html);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_script_is_served_and_keeps_choices_in_local_storage_never_a_cookie()
    {
        using var response = await fixture.Client.GetAsync(new Uri("/themes/default/assets/a11y.js", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("javascript", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var script = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("localStorage", script, StringComparison.Ordinal);
        Assert.DoesNotContain("document.cookie", script, StringComparison.Ordinal);
        foreach (var name in new[] { "a11y-font-", "a11y-contrast", "aria-pressed", "a11y-bar" })
            Assert.Contains(name, script, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    // The switches' buttons (an item page also has 打印本页, a plain button).
    [GeneratedRegex("<button type=\"button\" class=\"a11y-[^>]*>[^<]*</button>")]
    private static partial Regex Button();
}

public sealed class AccessibilitySqliteTests(SqliteApp app) : AccessibilityTests(app), IClassFixture<SqliteApp>;

public sealed class AccessibilityPostgresTests(PostgresApp app) : AccessibilityTests(app), IClassFixture<PostgresApp>;
