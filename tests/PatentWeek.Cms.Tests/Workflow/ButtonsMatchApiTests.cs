using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Workflow;

/// <summary>
/// A button shown is an action allowed, and the other way round: for every role and every state of an item, the
/// steps the admin item page offers (read from its links and forms) are exactly the steps the management API
/// lets that person take. Each step is tried on a fresh item in that state; a refused step must leave the item
/// as it was, so the same item serves the next step until one goes through. One item per state is brought there
/// through the API; the fresh ones are copies of its row (cheap, and exactly that state).
/// </summary>
public abstract partial class ButtonsMatchApiTests(AppFixture fixture)
{
    private const string Wuhan = "420100";
    private const string Huangshi = "420200";

    /// <summary>The workflow steps a page offers and the API takes; the page's form handler (or link) names each.</summary>
    private static readonly string[] Steps = ["Edit", "Submit", "Approve", "Reject", "Publish", "Unpublish", "Delete"];

    private static readonly string[] States =
        ["draft", "submitted", "approved", "published", "published+draft", "published+submitted", "published+approved", "archived", "trashed"];

    private sealed record Person(string Role, HttpClient Api, HttpClient Browser) : IDisposable
    {
        public void Dispose()
        {
            Api.Dispose();
            Browser.Dispose();
        }
    }

    [Fact]
    public async Task The_item_page_offers_exactly_the_steps_the_api_allows_for_every_role_and_state()
    {
        // The item's author is a contributor of its city; the office's own editor moves it along (and is not under test,
        // so no tested editor is its author).
        using var author = await Staff.SignInAsync(fixture.App, Roles.CityContributor, Wuhan);
        using var office = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var people = new List<Person>
        {
            await PersonAsync("administrator", Roles.Administrator, null),
            await PersonAsync("editor", Roles.Editor, null),
            await PersonAsync("reviewer", Roles.Reviewer, null),
            await PersonAsync("contributor of the item's city", Roles.CityContributor, Wuhan, author),
            await PersonAsync("contributor of another city", Roles.CityContributor, Huangshi),
        };

        try
        {
            var originals = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var state in States)
                originals[state] = await MakeAsync(state, author.Client, office.Client);

            var mismatches = new List<string>();
            var allowedSomewhere = new HashSet<string>(StringComparer.Ordinal);
            foreach (var person in people)
            {
                foreach (var state in States)
                {
                    var (id, version) = await CopyAsync(originals[state]);
                    var shown = await ButtonsAsync(person.Browser, id, $"{person.Role}, {state}");
                    var allowed = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var step in Steps)
                    {
                        var (status, body) = await TryAsync(person.Api, step, id, version);
                        Assert.True((int)status < 500, $"{step} as {person.Role} on a {state} item answered {(int)status}: {body}");
                        if (status is >= HttpStatusCode.OK and < HttpStatusCode.MultipleChoices)
                        {
                            allowed.Add(step);
                            // The step changed the item: the next step meets a fresh one in the same state.
                            if (step != Steps[^1])
                                (id, version) = await CopyAsync(originals[state]);
                        }
                        else
                        {
                            Assert.Equal(version, await StoredVersionAsync(id));
                        }
                    }

                    allowedSomewhere.UnionWith(allowed);
                    if (!shown.SetEquals(allowed))
                        mismatches.Add($"{person.Role}, {state}: page offers [{string.Join(", ", shown.Order())}], API allows [{string.Join(", ", allowed.Order())}]");
                }
            }

            Assert.True(mismatches.Count == 0, "buttons and API disagree:\n" + string.Join("\n", mismatches));
            // The matrix is not empty: every step is allowed to someone in some state.
            Assert.Equal(Steps.Order(), allowedSomewhere.Order());
        }
        finally
        {
            foreach (var person in people)
                person.Dispose();
        }
    }

    private async Task<Person> PersonAsync(string label, string role, string? city, StaffMember? existing = null)
    {
        var member = existing ?? await Staff.SignInAsync(fixture.App, role, city);
        var user = member.User;
        var browser = await AdminSession.SignInAsync(fixture.App, member.Email, Staff.Password,
            role == Roles.Administrator ? () => Staff.CodeAsync(fixture.App, user) : null);
        // The author's API client belongs to the test's author; the person gets one of their own.
        var api = existing is null ? member.Client : await ApiClientAsync(member);
        return new Person(label, api, browser);
    }

    private async Task<HttpClient> ApiClientAsync(StaffMember member)
    {
        var client = fixture.App.CreateClient();
        var token = await Staff.TokenAsync(fixture.App, client, member.Email, Staff.Password);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A new story of Wuhan in the given state, brought there through the API as its author and the office would.</summary>
    private static async Task<int> MakeAsync(string state, HttpClient author, HttpClient office)
    {
        var slug = "buttons-" + Guid.NewGuid().ToString("N")[..10];
        var id = await author.CreateAsync(new { kind = "story", title = "按钮对照 " + slug, slug, city = Wuhan, body = "正文" });
        var url = $"/api/manage/v1/content/{id}";
        if (state == "trashed")
        {
            await author.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, url);
            return id;
        }

        var path = state switch
        {
            "draft" => [],
            "submitted" => ["submit"],
            "approved" => ["submit", "approve"],
            "archived" => ["submit", "approve", "publish", "unpublish"],
            _ => (string[])["submit", "approve", "publish"],
        };
        foreach (var step in path)
            await (step == "submit" ? author : office).PostAsync($"{url}/{step}");
        if (state.StartsWith("published+", StringComparison.Ordinal))
        {
            // The author edits the live story: the edit becomes its working copy, which then goes its own way.
            await author.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, url, new { kind = "story", title = "按钮对照（修改）" + slug, slug, city = Wuhan, body = "修改后的正文", version = await VersionAsync(office, id) });
            var copy = state["published+".Length..];
            if (copy is "submitted" or "approved")
                await author.PostAsync($"{url}/submit");
            if (copy == "approved")
                await office.PostAsync($"{url}/approve");
        }

        var made = await office.GetOkAsync(url);
        var expected = state.StartsWith("published+", StringComparison.Ordinal) ? "published" : state;
        Assert.Equal(expected, made.State());
        if (state.StartsWith("published+", StringComparison.Ordinal))
            Assert.Equal(state["published+".Length..], made.GetProperty("workingCopyState").GetString());
        return id;
    }

    /// <summary>
    /// A new item exactly like the original, row for row (whatever columns the item has), under a slug of its own —
    /// in its working copy too, so publishing the copy does not collide with the original.
    /// </summary>
    private async Task<(int Id, int Version)> CopyAsync(int originalId)
    {
        await using var db = fixture.App.CreateContext();
        var original = await db.ContentItems.AsNoTracking().SingleAsync(i => i.Id == originalId, TestContext.Current.CancellationToken);
        var slug = "buttons-" + Guid.NewGuid().ToString("N")[..10];
        var copy = new ContentItem { Slug = slug, Title = original.Title };
        db.Entry(copy).CurrentValues.SetValues(original);
        copy.Id = 0;
        copy.Slug = slug;
        copy.WorkingCopy = original.WorkingCopy?.Replace(original.Slug, slug, StringComparison.Ordinal);
        db.ContentItems.Add(copy);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (copy.Id, copy.Version);
    }

    private async Task<int> StoredVersionAsync(int id)
    {
        await using var db = fixture.App.CreateContext();
        return await db.ContentItems.AsNoTracking().Where(i => i.Id == id).Select(i => i.Version).SingleAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<int> VersionAsync(HttpClient office, int id) =>
        (await office.GetOkAsync($"/api/manage/v1/content/{id}")).GetProperty("version").GetInt32();

    /// <summary>One step through the management API, as a client would send it.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> TryAsync(HttpClient api, string step, int id, int version)
    {
        var url = $"/api/manage/v1/content/{id}";
        var (status, json) = step switch
        {
            "Edit" => await api.SendAsync(HttpMethod.Put, url,
                new { kind = "story", title = "按钮对照（再改）", city = Wuhan, body = "再改的正文", version }),
            "Delete" => await api.SendAsync(HttpMethod.Delete, url),
            "Reject" => await api.SendAsync(HttpMethod.Post, $"{url}/reject", new { comment = "请补充材料" }),
            _ => await api.SendAsync(HttpMethod.Post, $"{url}/{step.ToLowerInvariant()}", new { }),
        };
        return (status, json.ValueKind == System.Text.Json.JsonValueKind.Undefined ? "" : json.ToString());
    }

    /// <summary>The steps the item page offers this person: its edit link and its forms' handlers (none when the page is 404).</summary>
    private static async Task<HashSet<string>> ButtonsAsync(HttpClient browser, int id, string what)
    {
        using var response = await browser.GetAsync(new Uri($"/admin/content/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return [];
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"item page {id} ({what}): {(int)response.StatusCode}");
        var self = $"/admin/content/{id.ToString(CultureInfo.InvariantCulture)}";
        var shown = FormAction().Matches(html)
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(action => action.StartsWith(self + "?", StringComparison.Ordinal))
            .Select(action => HandlerName().Match(action).Groups[1].Value)
            .Where(handler => Steps.Contains(handler))
            .ToHashSet(StringComparer.Ordinal);
        if (html.Contains($"href=\"/admin/content/edit/{id.ToString(CultureInfo.InvariantCulture)}\"", StringComparison.Ordinal))
            shown.Add("Edit");
        return shown;
    }

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex(@"[?&]handler=(\w+)")]
    private static partial Regex HandlerName();
}

public sealed class ButtonsMatchApiSqliteTests(SqliteApp app) : ButtonsMatchApiTests(app), IClassFixture<SqliteApp>;

public sealed class ButtonsMatchApiPostgresTests(PostgresApp app) : ButtonsMatchApiTests(app), IClassFixture<PostgresApp>;
