using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;
using PatentWeek.Cms.WeChat;
using PatentWeek.WeChat;

namespace PatentWeek.Cms.Tests.WeChat;

/// <summary>
/// The CMS as a fresh clone runs it, on a real Kestrel port: the embedded mode hosts the WeChat emulator under
/// <c>/wechat-emulator</c>, the connector calls it over loopback HTTP and its pushes come back to
/// <c>/wechat/callback</c> in secure mode. Waits are short (1 s back-off, 1 s polling) so failures resolve quickly.
/// </summary>
public abstract class WeChatCms(DatabaseProvider provider) : IAsyncLifetime
{
    private CmsApp? _app;
    private TestDatabase? _database;
    private StaffMember? _editor;

    public CmsApp App => _app ?? throw new InvalidOperationException("Not running.");
    public string BaseUrl { get; private set; } = "";
    public HttpClient Editor => (_editor ?? throw new InvalidOperationException("Not running.")).Client;
    public HttpClient Anonymous { get; } = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        if (AppFixture.UnavailableReason(provider) is not null)
            return;
        _database = await TestDatabase.CreateAsync(provider);
        _app = new CmsApp(_database, new Dictionary<string, string?>
        {
            ["WeChat:RetrySeconds"] = "1",
            ["WeChat:MaxRetrySeconds"] = "2",
            ["WeChat:PollSeconds"] = "1",
            ["WeChat:AnswerGraceSeconds"] = "3",
            ["WeChatEmulator:PublishDelaySeconds"] = "1",
            ["WeChatEmulator:TestControls"] = "true",
        });
        _app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        Anonymous.BaseAddress = new Uri(BaseUrl);
        _editor = await Staff.SignInAsync(_app, Roles.Editor);
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        Anonymous.Dispose();
        _editor?.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    public void RequireProvider()
    {
        if (AppFixture.UnavailableReason(provider) is { } reason)
            Assert.Skip(reason);
    }

    /// <summary>A published item of its own, so tests sharing the emulator tell their articles apart by title.</summary>
    public async Task<ContentItem> PublishedAsync(string title, string body = "正文第一段。", ContentKind kind = ContentKind.News, string? cover = null, string? city = null, string? weChatTitle = null)
    {
        var slug = TestContent.UniqueSlug("wx");
        return await TestContent.AddAsync(App, new ContentFields
        {
            Kind = kind,
            Edition = 13,
            Title = title,
            WeChatTitle = weChatTitle,
            Slug = slug,
            Summary = "摘要：" + title,
            Body = body,
            Cover = cover,
            City = city,
            Author = "测试作者",
            State = ContentState.Published,
            PublishedAt = DateTime.UtcNow,
        });
    }

    public async Task<JsonElement> CrossPostAsync(int itemId) =>
        await Editor.ExpectAsync(HttpStatusCode.Accepted, HttpMethod.Post, $"/api/manage/v1/content/{itemId}/wechat");

    /// <summary>Waits until the item's latest post is published or failed, and returns it.</summary>
    public async Task<JsonElement> SettledAsync(int itemId, int seconds = 40)
    {
        JsonElement post = default;
        await Eventually.TrueAsync(async () =>
        {
            post = await Editor.GetOkAsync($"/api/manage/v1/content/{itemId}/wechat");
            return post.GetProperty("status").GetString() is "published" or "failed";
        }, TimeSpan.FromSeconds(seconds));
        return post;
    }

    /// <summary>What the emulator holds (its own JSON view: appId, drafts, published jobs with their articles).</summary>
    public async Task<JsonElement> InspectAsync() =>
        JsonDocument.Parse(await Anonymous.GetStringAsync(new Uri(WeChatAccounts.EmulatorPrefix + "/inspect", UriKind.Relative), Ct)).RootElement.Clone();

    /// <summary>The published articles (status 0, not deleted) with this title.</summary>
    public async Task<List<JsonElement>> PublishedArticlesAsync(string title) =>
        [.. (await InspectAsync()).GetProperty("published").EnumerateArray()
            .Where(j => j.GetProperty("status").GetInt32() == 0)
            .SelectMany(j => j.GetProperty("articles").EnumerateArray())
            .Where(a => a.GetProperty("title").GetString() == title && !a.GetProperty("deleted").GetBoolean())];

    public async Task<int> DraftsTitledAsync(string title) =>
        (await InspectAsync()).GetProperty("drafts").EnumerateArray().Count(d => d.GetProperty("titles").EnumerateArray().Any(t => t.GetString() == title));

    /// <summary>Arranges a fault in the hosted emulator (see the emulator's /_emulator/faults).</summary>
    public async Task FaultAsync(object fault)
    {
        using var response = await Anonymous.PostAsJsonAsync(WeChatAccounts.EmulatorPrefix + "/_emulator/faults", fault, Ct);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    public async Task ControlAsync(string path)
    {
        using var response = await Anonymous.PostAsync(new Uri(WeChatAccounts.EmulatorPrefix + "/_emulator/" + path, UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>The account's API, as the CMS calls it.</summary>
    public async Task<WeChatClient> ClientAsync()
    {
        var accounts = App.Services.GetRequiredService<WeChatAccounts>();
        return accounts.Client(await accounts.CurrentAsync(Ct));
    }

    public static string[] StepNames(JsonElement post) => [.. post.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("name").GetString()!)];
}

public sealed class SqliteWeChatCms() : WeChatCms(DatabaseProvider.Sqlite);

public sealed class PostgresWeChatCms() : WeChatCms(DatabaseProvider.PostgreSql);
