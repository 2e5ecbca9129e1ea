using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Data.Accounts;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Accounts;

/// <summary>Identity's EF stores live in the CMS database, on both providers.</summary>
public abstract class IdentityStoreTests(AppFixture fixture)
{
    [Fact]
    public async Task A_city_contributor_is_stored_with_role_and_city()
    {
        using var scope = fixture.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var email = $"wuhan-{Guid.NewGuid():N}@example.cn";
        if (!await roles.RoleExistsAsync("CityContributor"))
            Assert.True((await roles.CreateAsync(new IdentityRole("CityContributor"))).Succeeded);

        var user = new CmsUser { UserName = email, Email = email, CityCode = "420100" };
        var created = await users.CreateAsync(user, "Correct-horse-42");
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, "CityContributor")).Succeeded);

        var found = await users.FindByEmailAsync(email);
        Assert.NotNull(found);
        Assert.Equal("420100", found.CityCode);
        Assert.True(await users.IsInRoleAsync(found, "CityContributor"));
        Assert.True(await users.CheckPasswordAsync(found, "Correct-horse-42"));
        Assert.False(await users.CheckPasswordAsync(found, "wrong-password"));
    }

    [Fact]
    public async Task Weak_passwords_and_unknown_cities_are_refused()
    {
        using var scope = fixture.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        var weak = await users.CreateAsync(new CmsUser { UserName = "a@example.cn", Email = "a@example.cn" }, "short");
        Assert.False(weak.Succeeded);

        var email = $"x-{Guid.NewGuid():N}@example.cn";
        await Assert.ThrowsAnyAsync<Microsoft.EntityFrameworkCore.DbUpdateException>(() =>
            users.CreateAsync(new CmsUser { UserName = email, Email = email, CityCode = "999999" }, "Correct-horse-42"));
    }
}

public sealed class IdentityStoreSqliteTests(SqliteApp app) : IdentityStoreTests(app), IClassFixture<SqliteApp>;

public sealed class IdentityStorePostgresTests(PostgresApp app) : IdentityStoreTests(app), IClassFixture<PostgresApp>;
