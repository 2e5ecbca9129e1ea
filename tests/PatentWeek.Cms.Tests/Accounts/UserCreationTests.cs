using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data.Accounts;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Accounts;

/// <summary>
/// The one service that adds accounts, for the users page and the <c>users add</c> command: its rules refuse
/// before anything is stored, and a created account is audited once, as done by whoever asked.
/// </summary>
public abstract class UserCreationTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Refusals_store_nothing_and_an_added_account_is_audited_once()
    {
        var email = $"new-{Guid.NewGuid():N}@example.cn";
        using var scope = fixture.App.Services.CreateScope();
        var creation = scope.ServiceProvider.GetRequiredService<UserCreation>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();

        var (none, refused) = await creation.CreateAsync("tester", email, Roles.CityContributor, null, Staff.Password, mustChangePassword: false);
        Assert.Null(none);
        var error = Assert.Single(refused);
        Assert.Equal(("city", "city-required", "市州通讯员需要选择市州。"), (error.Field, error.Refusal.Code, error.Text));
        Assert.True(error.IsUsage);
        (_, refused) = await creation.CreateAsync("tester", email, "Boss", "999999", Staff.Password, mustChangePassword: false);
        Assert.Equal(["role-unknown", "city-only-contributors", "city-unknown"], refused.Select(e => e.Refusal.Code));
        (_, refused) = await creation.CreateAsync("tester", email, Roles.Editor, null, "short", mustChangePassword: false);
        Assert.Equal("account-not-created", Assert.Single(refused).Refusal.Code);
        Assert.Null(await users.FindByEmailAsync(email));

        var (user, errors) = await creation.CreateAsync("tester", email, "cityContributor", "420100", Staff.Password, mustChangePassword: true);
        Assert.Empty(errors);
        Assert.NotNull(user);
        Assert.True(user.MustChangePassword);
        Assert.Equal("420100", user.CityCode);
        Assert.Equal([Roles.CityContributor], await users.GetRolesAsync(user));

        (_, refused) = await creation.CreateAsync("tester", email, Roles.Editor, null, Staff.Password, mustChangePassword: false);
        var taken = Assert.Single(refused);
        Assert.Equal(("email", $"{email} already has an account", "这个邮箱已有账号。"), (taken.Field, taken.Detail, taken.Text));
        Assert.False(taken.IsUsage);

        await using var db = fixture.App.CreateContext();
        var audited = await db.AuditEntries.Where(a => a.Target == $"user/{email}").ToListAsync(Ct);
        var entry = Assert.Single(audited);
        Assert.Equal("tester", entry.Actor);
        Assert.Equal("市州通讯员 420100", entry.Detail);
    }
}

public sealed class UserCreationSqliteTests(SqliteApp app) : UserCreationTests(app), IClassFixture<SqliteApp>;

public sealed class UserCreationPostgresTests(PostgresApp app) : UserCreationTests(app), IClassFixture<PostgresApp>;
