using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PatentWeek.Cms.Tests.Infrastructure;

/// <summary>A browser-like client signed in to the admin UI through its own form (cookie and antiforgery token).</summary>
public static partial class AdminSession
{
    public static async Task<HttpClient> SignInAsync(CmsApp app, string email, string password, Func<Task<string>>? code = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync(new Uri("/admin/signin", UriKind.Relative), TestContext.Current.CancellationToken);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = Token(form),
        });
        using var response = await client.PostAsync(new Uri("/admin/signin", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in answered {(int)response.StatusCode}");
        if (code is not null && response.Headers.Location?.ToString().StartsWith("/admin/signin-code", StringComparison.Ordinal) == true)
        {
            var codePage = await client.GetStringAsync(response.Headers.Location, TestContext.Current.CancellationToken);
            using var codeForm = new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = await code(), ["__RequestVerificationToken"] = Token(codePage) });
            using var verified = await client.PostAsync(response.Headers.Location, codeForm, TestContext.Current.CancellationToken);
            Assert.Equal("/admin", verified.Headers.Location?.ToString());
            return client;
        }

        Assert.Equal("/admin", response.Headers.Location?.ToString());
        return client;
    }

    /// <summary>Posts an admin form (with the session's antiforgery token), as pressing its button would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        // The token comes from the page itself, or from the dashboard when the page is closed to this person.
        var path = url.Split('?')[0];
        using var own = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var page = own.IsSuccessStatusCode
            ? await own.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)
            : await client.GetStringAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);
        var form = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = Token(page) };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    public static string Token(string html)
    {
        var match = TokenInput().Match(html);
        Assert.True(match.Success, "the page has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
