using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data.Accounts;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Accounts;

/// <summary>What an administrator does for people in the admin UI: reset a password or two-factor, and notifications marked read.</summary>
public sealed partial class AdminUsersTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_administrator_resets_a_password_and_two_factor()
    {
        var admin = await Staff.CreateUserAsync(fixture.App, Roles.Administrator);
        using var session = await AdminSession.SignInAsync(fixture.App, admin.Email!, Staff.Password, () => Staff.CodeAsync(fixture.App, admin));
        var editor = await Staff.CreateUserAsync(fixture.App, Roles.Editor);

        using var reset = await session.PostFormAsync($"/admin/settings/users?handler=ResetPassword&id={editor.Id}");
        var page = await reset.Content.ReadAsStringAsync(Ct);
        var password = NewPassword().Match(page).Groups[1].Value;
        Assert.Equal(16, password.Length);

        using var client = fixture.App.CreateClient();
        using var old = await client.PostAsJsonAsync("/api/manage/v1/tokens", new { email = editor.Email, password = Staff.Password }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        using var mustChange = await client.PostAsJsonAsync("/api/manage/v1/tokens", new { email = editor.Email, password }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, mustChange.StatusCode);

        var other = await Staff.CreateUserAsync(fixture.App, Roles.Administrator);
        (await session.PostFormAsync($"/admin/settings/users?handler=ResetTwoFactor&id={other.Id}")).Dispose();
        using var scope = fixture.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        Assert.False((await users.FindByIdAsync(other.Id))!.TwoFactorEnabled);
    }

    [Fact]
    public async Task An_administrator_moves_a_contributor_to_another_city_and_the_new_scope_applies()
    {
        var admin = await Staff.CreateUserAsync(fixture.App, Roles.Administrator);
        using var session = await AdminSession.SignInAsync(fixture.App, admin.Email!, Staff.Password, () => Staff.CodeAsync(fixture.App, admin));
        var user = await Staff.CreateUserAsync(fixture.App, Roles.CityContributor, "420100");

        using var bad = await session.PostFormAsync($"/admin/settings/users?handler=ChangeRole&id={user.Id}", new() { ["newRole"] = "CityContributor", ["newCity"] = "" });
        Assert.Contains("市州通讯员需要选择市州", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        (await session.PostFormAsync($"/admin/settings/users?handler=ChangeRole&id={user.Id}", new() { ["newRole"] = "CityContributor", ["newCity"] = "420200" })).Dispose();
        using var client = fixture.App.CreateClient();
        var token = await Staff.TokenAsync(fixture.App, client, user.Email!, Staff.Password);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        await client.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/manage/v1/content", new { kind = "story", title = "黄石的", city = "420200" });
        await client.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/api/manage/v1/content", new { kind = "story", title = "武汉的", city = "420100" });
    }

    [Fact]
    public async Task Notifications_can_be_marked_read_from_the_dashboard()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        using var wuhan = await Staff.SignInAsync(fixture.App, Roles.CityContributor, "420100");
        var id = await wuhan.Client.CreateAsync(new { kind = "story", title = "待审", city = "420100" });
        await wuhan.Client.PostAsync($"/api/manage/v1/content/{id}/submit");
        Assert.Contains((await editor.Client.GetOkAsync("/api/manage/v1/notifications")).EnumerateArray(), n => !n.GetProperty("read").GetBoolean());

        using var session = await AdminSession.SignInAsync(fixture.App, editor.Email, Staff.Password);
        (await session.PostFormAsync("/admin?handler=MarkRead")).Dispose();
        Assert.All((await editor.Client.GetOkAsync("/api/manage/v1/notifications")).EnumerateArray(), n => Assert.True(n.GetProperty("read").GetBoolean()));
    }

    [Fact]
    public async Task An_administrator_without_two_factor_must_set_it_up_before_anything_else()
    {
        var admin = await Staff.CreateUserAsync(fixture.App, Roles.Editor);
        using (var scope = fixture.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
            await users.AddToRoleAsync((await users.FindByIdAsync(admin.Id))!, Roles.Administrator);
        }

        using var session = await AdminSession.SignInAsync(fixture.App, admin.Email!, Staff.Password);
        using var blocked = await session.GetAsync(new Uri("/admin/settings/users", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.Equal("/admin/two-factor", blocked.Headers.Location?.ToString());

        var page = await session.GetStringAsync(new Uri("/admin/two-factor", UriKind.Relative), Ct);
        Assert.Contains("data:image/png;base64,", page, StringComparison.Ordinal);
        var key = SharedKey().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        using var wrong = await session.PostFormAsync("/admin/two-factor", new() { ["Code"] = "000000" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("验证码不正确", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var enabled = await session.PostFormAsync("/admin/two-factor", new() { ["Code"] = Staff.Totp(Staff.Base32(key), DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        using var open = await session.GetAsync(new Uri("/admin/settings/users", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }

    [GeneratedRegex("<code class=\"key\">([a-z0-9 ]+)</code>")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<code>([A-Za-z0-9]{16})</code>")]
    private static partial Regex NewPassword();
}
