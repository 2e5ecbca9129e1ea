using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;
using PatentWeek.Cms.WeChat;

namespace PatentWeek.Cms.Tests.WeChat;

/// <summary>
/// The account an administrator enters: validated field by field, secrets stored encrypted and never logged, readable
/// again after a restart on the same data folder (Data Protection keys live there), and overridden by configuration.
/// </summary>
public sealed class WeChatSettingsTests
{
    private const string Secret = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private const string Token = "officeToken2019";
    private const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Entered_secrets_are_stored_encrypted_survive_a_restart_and_yield_to_configuration()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var app = new CmsApp(database, new Dictionary<string, string?> { ["WeChat:Emulator"] = "false" }))
        {
            using var scope = app.Services.CreateScope();
            var admin = scope.ServiceProvider.GetRequiredService<WeChatAccountAdmin>();

            var refused = await admin.SaveAsync("wx!bad", "x", "a b", "too-short", Actor.System, Ct);
            Assert.Equal(["AppId", "AppSecret", "EncodingAesKey", "Token"], refused.Keys.Order(StringComparer.Ordinal));
            Assert.Empty(await app.CreateContext().WeChatAccountSettings.ToListAsync(Ct)); // nothing half-stored

            Assert.Empty(await admin.SaveAsync("wx5e0c3ad7a1b2c3d4", Secret, Token, AesKey, Actor.System, Ct));
            await using var db = app.CreateContext();
            var row = await db.WeChatAccountSettings.SingleAsync(Ct);
            Assert.All(new[] { row.ProtectedAppSecret, row.ProtectedToken, row.ProtectedEncodingAesKey }, value =>
            {
                Assert.NotNull(value);
                Assert.DoesNotContain(Secret, value, StringComparison.Ordinal);
                Assert.DoesNotContain(Token, value, StringComparison.Ordinal);
                Assert.DoesNotContain(AesKey, value, StringComparison.Ordinal);
            });
            var audit = await db.AuditEntries.Where(a => a.Action == "wechat.settings").Select(a => a.Detail).ToListAsync(Ct);
            Assert.Single(audit);
            Assert.DoesNotContain(Secret, audit[0], StringComparison.Ordinal);

            var account = await scope.ServiceProvider.GetRequiredService<WeChatAccounts>().CurrentAsync(Ct);
            Assert.Equal((Secret, Token, AesKey), (account.AppSecret, account.Token, account.EncodingAesKey));
            Assert.Equal(WeChatValueSource.Administrator, account.Sources["AppSecret"]);

            // A blank secret keeps the stored one.
            Assert.Empty(await admin.SaveAsync("wx5e0c3ad7a1b2c3d5", "", null, null, Actor.System, Ct));
            scope.ServiceProvider.GetRequiredService<WeChatAccounts>().Invalidate();
            Assert.Equal(Secret, (await scope.ServiceProvider.GetRequiredService<WeChatAccounts>().CurrentAsync(Ct)).AppSecret);

            // Editors work with cross-posts but do not see the account settings.
            var editor = await Staff.CreateUserAsync(app, Roles.Editor);
            using var session = await AdminSession.SignInAsync(app, editor.Email!, Staff.Password);
            using var list = await session.GetAsync(new Uri("/admin/wechat", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            using var settings = await session.GetAsync(new Uri("/admin/wechat/settings", UriKind.Relative), Ct);
            Assert.Contains("/admin/denied", settings.Headers.Location?.ToString(), StringComparison.Ordinal);
        }

        // Another start on the same data folder: the keys are there, the secrets read back; configuration wins.
        await using (var app = new CmsApp(database, new Dictionary<string, string?> { ["WeChat:Emulator"] = "false", ["WeChat:AppId"] = "wxconfigured00000001" }))
        {
            var account = await app.Services.GetRequiredService<WeChatAccounts>().CurrentAsync(Ct);
            Assert.Equal(Secret, account.AppSecret);
            Assert.Equal("wxconfigured00000001", account.AppId);
            Assert.Equal(WeChatValueSource.Configuration, account.Sources["AppId"]);
            Assert.Equal(WeChatValueSource.Administrator, account.Sources["Token"]);
        }
    }
}
