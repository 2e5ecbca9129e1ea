using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data.Accounts;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Accounts;

/// <summary>Personal access tokens and how the management API answers strangers.</summary>
public abstract class TokenApiTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/manage/v1/content")]
    [InlineData("/api/manage/v1/notifications")]
    [InlineData("/api/manage/v1/audit")]
    [InlineData("/api/manage/v1/tokens")]
    public async Task Without_credentials_the_api_answers_401_problem_json_and_never_redirects(string url)
    {
        using var client = fixture.App.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "pwk_not-a-real-token");
        using var bad = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Wrong_credentials_are_401_and_five_failures_lock_the_account()
    {
        var user = await Staff.CreateUserAsync(fixture.App, Roles.Editor);
        using var client = fixture.App.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/manage/v1/tokens", new { email = user.Email, password = "wrong-password-1" }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        }

        using var locked = await client.PostAsJsonAsync("/api/manage/v1/tokens", new { email = user.Email, password = Staff.Password }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);

        await using var db = fixture.App.CreateContext();
        var failures = await db.AuditEntries.CountAsync(a => a.Actor == user.Email && a.Action == "signin.failed", Ct);
        Assert.Equal(6, failures);
    }

    [Fact]
    public async Task Tokens_are_stored_hashed_listed_and_revocable()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var token = editor.Client.DefaultRequestHeaders.Authorization!.Parameter!;
        Assert.StartsWith("pwk_", token, StringComparison.Ordinal);

        await using (var db = fixture.App.CreateContext())
        {
            var row = await db.PersonalAccessTokens.SingleAsync(t => t.UserId == editor.User.Id, Ct);
            Assert.NotEqual(token, row.Hash);
            Assert.Equal(TokenService.Hash(token), row.Hash);
            Assert.DoesNotContain(await db.PersonalAccessTokens.Select(t => t.Hash).ToListAsync(Ct), h => h.Contains(token, StringComparison.Ordinal));
        }

        var list = await editor.Client.GetOkAsync("/api/manage/v1/tokens");
        var id = list.EnumerateArray().Single().GetProperty("id").GetInt32();
        Assert.Equal(token[..10], list.EnumerateArray().Single().GetProperty("prefix").GetString());

        await editor.Client.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/manage/v1/tokens/{id}");
        await editor.Client.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/manage/v1/content");
    }

    [Fact]
    public async Task Administrators_need_two_factor_and_the_right_code()
    {
        using var scope = fixture.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        var admin = await Staff.CreateUserAsync(fixture.App, Roles.Administrator);
        using var client = fixture.App.CreateClient();

        using var noCode = await client.PostAsJsonAsync("/api/manage/v1/tokens", new { email = admin.Email, password = Staff.Password }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, noCode.StatusCode);
        using var wrongCode = await client.PostAsJsonAsync("/api/manage/v1/tokens", new { email = admin.Email, password = Staff.Password, code = "000000" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.StatusCode);
        var token = await Staff.TokenAsync(fixture.App, client, admin.Email!, Staff.Password, await Staff.CodeAsync(fixture.App, admin));
        Assert.StartsWith("pwk_", token, StringComparison.Ordinal);

        var without2fa = await Staff.CreateUserAsync(fixture.App, Roles.Editor);
        await users.AddToRoleAsync((await users.FindByIdAsync(without2fa.Id))!, Roles.Administrator);
        using var refused = await client.PostAsJsonAsync("/api/manage/v1/tokens", new { email = without2fa.Email, password = Staff.Password }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_s_token_stops_working()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        await editor.Client.GetOkAsync("/api/manage/v1/content");
        await using (var db = fixture.App.CreateContext())
        {
            var user = await db.Users.SingleAsync(u => u.Id == editor.User.Id, Ct);
            user.DisabledAt = DateTime.UtcNow;
            await db.SaveChangesAsync(Ct);
        }

        await editor.Client.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/manage/v1/content");
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_address()
    {
        await using var database = new SqliteTestDatabase();
        await using var app = new CmsApp(database, new Dictionary<string, string?> { ["Cms:SignInAttemptsPerMinute"] = "20" });
        using var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        var retryAfter = new List<TimeSpan?>();
        for (var i = 0; i < 22; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/manage/v1/tokens", new { email = "nobody@example.cn", password = "wrong-password-1" }, Ct);
            statuses.Add(response.StatusCode);
            retryAfter.Add(response.Headers.RetryAfter?.Delta);
        }

        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(20), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        // A refused attempt says when to come back: within the one-minute window, never "now".
        Assert.All(retryAfter.Skip(20), r => Assert.InRange(r ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task Bad_token_requests_are_400()
    {
        using var client = fixture.App.CreateClient();
        using var empty = await client.PostAsJsonAsync("/api/manage/v1/tokens", new { }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        using var notJson = await client.PostAsync(new Uri("/api/manage/v1/tokens", UriKind.Relative), new StringContent("email=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"), Ct);
        // Routing refuses a form post to a JSON endpoint before any handler runs; what matters is a 4xx, not a 500.
        Assert.InRange((int)notJson.StatusCode, 400, 499);
    }
}

public sealed class TokenApiSqliteTests(SqliteApp app) : TokenApiTests(app), IClassFixture<SqliteApp>;

public sealed class TokenApiPostgresTests(PostgresApp app) : TokenApiTests(app), IClassFixture<PostgresApp>;
