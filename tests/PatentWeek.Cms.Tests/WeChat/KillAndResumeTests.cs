using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.WeChat;

/// <summary>
/// Exactly once across crashes: the CMS runs as its own OS process and is killed with SIGKILL at a step of a
/// cross-post, while the emulator runs in another process and keeps its state; the CMS is started again on the same
/// data folder. Each time the emulator ends with exactly one published article and no draft left over.
/// The emulator answers the call of that step only after a delay (having done the work), so the kill lands while
/// the CMS waits for an answer it will never get.
/// </summary>
public sealed class KillAndResumeTests
{
    private const string AppId = "wx1f2e3d4c5b6a7980";
    private const string Secret = "kill-test-secret";
    private const string Token = "killTestToken";
    private const string AesKey = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <param name="path">The call held up when the kill comes; null: none (the kill comes while WeChat publishes).</param>
    /// <param name="step">The last step the CMS recorded when it is killed.</param>
    [Theory]
    [InlineData("/cgi-bin/material/add_material", "uploading")]
    [InlineData("/cgi-bin/draft/add", "draft-requested")]
    [InlineData("/cgi-bin/freepublish/submit", "submit-requested")]
    [InlineData(null, "submitted")]
    public async Task A_cross_post_killed_at_a_step_resumes_after_restart_and_publishes_once(string? path, string step)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var emulatorData = Path.Combine(database.DataPath, "emulator");
        var (emulatorPort, cmsPort) = (ServerProcess.FreePort(), ServerProcess.FreePort());
        using var emulator = ServerProcess.Start("PatentWeek.WeChat.Emulator.dll", emulatorPort, [
            "--WeChatEmulator:AppId", AppId, "--WeChatEmulator:AppSecret", Secret, "--WeChatEmulator:Token", Token,
            "--WeChatEmulator:EncodingAesKey", AesKey, "--WeChatEmulator:DataPath", emulatorData,
            "--WeChatEmulator:CallbackUrl", $"http://127.0.0.1:{cmsPort}/wechat/callback",
            "--WeChatEmulator:PublishDelaySeconds", path is null ? "6" : "1"]);
        using var emulatorHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{emulatorPort}") };
        await ServerProcess.UpAsync(emulatorHttp, "/inspect");

        var (code, output) = await CmsProcess.RunAsync(database, Staff.Password + "\n", "users", "add", "--email", "kill-editor@example.cn", "--role", Roles.Editor);
        Assert.True(code == 0, output);
        string[] cmsArgs = [
            "--Cms:DataPath", database.DataPath, "--Cms:ContentPath", Repo.Content, "--Cms:ThemesPath", Repo.Themes,
            "--Cms:PublicBaseUrl", "https://zscq.example.cn",
            "--WeChat:ApiBaseUrl", $"http://127.0.0.1:{emulatorPort}", "--WeChat:AppId", AppId, "--WeChat:AppSecret", Secret,
            "--WeChat:Token", Token, "--WeChat:EncodingAESKey", AesKey,
            "--WeChat:RetrySeconds", "1", "--WeChat:PollSeconds", "1", "--WeChat:AnswerGraceSeconds", "2"];
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{cmsPort}") };

        var cms = ServerProcess.Start("PatentWeek.Cms.dll", cmsPort, cmsArgs);
        try
        {
            await ServerProcess.UpAsync(http, "/health");
            using var token = await http.PostAsJsonAsync("/api/manage/v1/tokens", new { email = "kill-editor@example.cn", password = Staff.Password }, Ct);
            var bearer = JsonDocument.Parse(await token.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("token").GetString();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            var stories = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/manage/v1/content?state=published&kind=story", UriKind.Relative), Ct)).RootElement;
            var item = stories.GetProperty("items")[0];
            var (id, title) = (item.GetProperty("id").GetInt32(), item.GetProperty("title").GetString()!);

            if (path is not null)
            {
                using var fault = await emulatorHttp.PostAsJsonAsync("/_emulator/faults", new { path, delayAfterMs = 8000, count = 1 }, Ct);
                Assert.Equal(HttpStatusCode.NoContent, fault.StatusCode);
            }

            using (var accepted = await http.PostAsync(new Uri($"/api/manage/v1/content/{id}/wechat", UriKind.Relative), null, Ct))
                Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            await Eventually.TrueAsync(async () => CrossPostStatus.LastStep(await CrossPostStatus.GetAsync(http, id)) == step, TimeSpan.FromSeconds(30));
            await cms.KillAsync();
            cms.Dispose();

            cms = ServerProcess.Start("PatentWeek.Cms.dll", cmsPort, cmsArgs);
            await ServerProcess.UpAsync(http, "/health");
            JsonElement post = default;
            await Eventually.TrueAsync(async () =>
            {
                post = await CrossPostStatus.GetAsync(http, id);
                return post.GetProperty("status").GetString() is "published" or "failed";
            }, TimeSpan.FromSeconds(60));

            Assert.Equal("published", post.GetProperty("status").GetString());
            var inspect = JsonDocument.Parse(await emulatorHttp.GetStringAsync(new Uri("/inspect", UriKind.Relative), Ct)).RootElement;
            var published = inspect.GetProperty("published").EnumerateArray().Where(j => j.GetProperty("status").GetInt32() == 0)
                .SelectMany(j => j.GetProperty("articles").EnumerateArray()).Where(a => a.GetProperty("title").GetString() == title).ToList();
            var article = Assert.Single(published);
            Assert.Equal(article.GetProperty("url").GetString(), post.GetProperty("articleUrl").GetString());
            Assert.Single(inspect.GetProperty("published").EnumerateArray());
            Assert.Empty(inspect.GetProperty("drafts").EnumerateArray());
        }
        finally
        {
            cms.Dispose();
            await emulator.KillAsync();
        }
    }
}
