using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Accounts;

/// <summary>First-run demo accounts and the <c>users</c> commands, on the real executable.</summary>
public sealed class FirstRunTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_embedded_first_start_creates_one_demo_account_per_role_with_owner_only_credentials()
    {
        await using var database = new SqliteTestDatabase();
        await using (var app = new CmsApp(database))
        {
            using var client = app.CreateClient();
            await using var db = app.CreateContext();
            var users = await db.Users.OrderBy(u => u.Email).ToListAsync(Ct);
            Assert.Equal(AccountsInitializer.Demo.Count, users.Count);
            Assert.All(users, u => Assert.True(u.MustChangePassword));
            Assert.Equal("420100", users.Single(u => u.Email == "wuhan@patentweek.test").CityCode);
        }

        var file = Path.Combine(database.DataPath, AccountsInitializer.CredentialsFile);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        var lines = (await File.ReadAllLinesAsync(file, Ct)).Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal(5, lines.Count);
        var passwords = lines.Select(l => l.Split('\t')[2]).ToList();
        Assert.Equal(5, passwords.Distinct().Count());
        Assert.All(passwords, p => Assert.True(p.Length >= 16));

        // A restart creates nothing more and leaves the file as it was.
        var written = File.GetLastWriteTimeUtc(file);
        await using (var app = new CmsApp(database))
        {
            using var client = app.CreateClient();
            await using var db = app.CreateContext();
            Assert.Equal(5, await db.Users.CountAsync(Ct));
        }

        Assert.Equal(written, File.GetLastWriteTimeUtc(file));
    }

    [Fact]
    public async Task Production_mode_creates_no_demo_accounts()
    {
        await using var database = new SqliteTestDatabase();
        await using var app = new CmsApp(database, new Dictionary<string, string?>
        {
            ["Cms:Mode"] = "Production", ["Cms:Database:Migrate"] = "true", ["Cms:Seed:Enabled"] = "true",
        });
        using var client = app.CreateClient();
        await using var db = app.CreateContext();
        Assert.Equal(0, await db.Users.CountAsync(Ct));
        Assert.Equal(4, await db.Roles.CountAsync(Ct));
        Assert.False(File.Exists(Path.Combine(database.DataPath, AccountsInitializer.CredentialsFile)));
    }

    [Fact]
    public async Task Users_commands_add_list_and_disable_on_a_fresh_data_folder()
    {
        await using var database = new SqliteTestDatabase();
        var production = new[] { "--Cms:Mode", "Production", "--Cms:Database:Migrate", "true", "--Cms:Seed:Enabled", "true" };

        var (code, output) = await CmsProcess.RunAsync(database, "Correct-horse-42\n", ["users", "add", "--email", "wuhan@example.cn", "--role", "CityContributor", "--city", "420100", .. production]);
        Assert.True(code == 0, output);
        Assert.Contains("added wuhan@example.cn as CityContributor of 420100", output, StringComparison.Ordinal);

        (code, output) = await CmsProcess.RunAsync(database, "short\n", ["users", "add", "--email", "weak@example.cn", "--role", "Editor", .. production]);
        Assert.Equal(1, code);
        Assert.Contains("not added", output, StringComparison.Ordinal);

        (code, output) = await CmsProcess.RunAsync(database, "", ["users", "add", "--email", "x@example.cn", "--role", "CityContributor", .. production]);
        Assert.Equal(2, code);
        Assert.Contains("--city", output, StringComparison.Ordinal);

        (code, output) = await CmsProcess.RunAsync(database, "", ["users", "add", "--email", "x@example.cn", "--role", "Boss", .. production]);
        Assert.Equal(2, code);

        (code, output) = await CmsProcess.RunAsync(database, "", ["users", "disable", "--email", "wuhan@example.cn", .. production]);
        Assert.True(code == 0, output);

        (code, output) = await CmsProcess.RunAsync(database, "", ["users", "list", .. production]);
        Assert.True(code == 0, output);
        Assert.Contains("wuhan@example.cn\tCityContributor\t420100\toff\tdisabled", output, StringComparison.Ordinal);
        Assert.DoesNotContain("weak@example.cn", output, StringComparison.Ordinal);
    }
}
