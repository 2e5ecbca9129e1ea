using System.Net;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.WeChat;

/// <summary>
/// The emulator a fresh clone hosts under <c>/wechat-emulator</c>: its follower view and API are there, its test
/// controls are not (behind a proxy every caller would look local), and its account is made up once and kept.
/// </summary>
public sealed class EmbeddedEmulatorTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_hosted_emulator_serves_followers_but_takes_no_fault_orders()
    {
        using var view = await app.Client.GetAsync(new Uri("/wechat-emulator/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.Contains("微信公众号模拟器", await view.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        foreach (var control in new[] { "revoke-tokens", "lose-pushes/1", "publish-outcome/3" })
        {
            using var refused = await app.Client.PostAsync(new Uri("/wechat-emulator/_emulator/" + control, UriKind.Relative), null, Ct);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        var account = Path.Combine(app.App.Database.DataPath, "wechat-emulator", "account.json");
        Assert.True(File.Exists(account));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(account));
    }
}
