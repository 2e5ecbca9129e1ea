using System.Net;
using System.Text.Json;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;
using PatentWeek.Cms.Tests.Media;

namespace PatentWeek.Cms.Tests.WeChat;

/// <summary>
/// The connector's reaction to each error behaviour the emulator reproduces (the reference's §10): transient answers
/// wait and resume, rejected tokens are replaced on the spot, final answers fail the post with a reason an editor can
/// read (code and rid kept), and lost answers or lost pushes never lead to a second draft or a second article.
/// </summary>
public sealed class CrossPostFaultTests(SqliteWeChatCms cms) : IClassFixture<SqliteWeChatCms>
{
    /// <summary>Busy, quota, rate limit and 5xx on each kind of call: the post waits, then publishes exactly once.</summary>
    [Theory]
    [InlineData("/cgi-bin/draft/add", 45009, null)]
    [InlineData("/cgi-bin/freepublish/submit", 45011, null)]
    [InlineData("/cgi-bin/freepublish/get", -1, null)]
    [InlineData("/cgi-bin/draft/add", null, 503)]
    [InlineData("/cgi-bin/freepublish/submit", null, 502)]
    [InlineData("/cgi-bin/material/add_material", -1, null)]
    [InlineData("/cgi-bin/media/uploadimg", null, 500)]
    public async Task Transient_failures_back_off_and_resume(string path, int? errCode, int? httpStatus)
    {
        var (item, title) = await NewItemAsync(picture: true);
        await cms.FaultAsync(new { path, errCode, httpStatus, count = 1 });

        await cms.CrossPostAsync(item);
        var post = await cms.SettledAsync(item);

        Assert.Equal("published", post.GetProperty("status").GetString());
        var waited = post.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "retry-later");
        Assert.True(waited.GetProperty("isError").GetBoolean());
        Assert.Contains(errCode is { } code ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"HTTP {httpStatus}", waited.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single(await cms.PublishedArticlesAsync(title));
        Assert.Equal(0, await cms.DraftsTitledAsync(title));
    }

    /// <summary>A token WeChat calls invalid, unknown or expired mid-flow is replaced and the call sent once more, without waiting.</summary>
    [Theory]
    [InlineData("/cgi-bin/draft/add", 40001)]
    [InlineData("/cgi-bin/freepublish/submit", 42001)]
    [InlineData("/cgi-bin/freepublish/get", 40014)]
    public async Task A_rejected_token_is_replaced_mid_flow(string path, int errCode)
    {
        var (item, title) = await NewItemAsync();
        await cms.FaultAsync(new { path, errCode, count = 1 });

        await cms.CrossPostAsync(item);
        var post = await cms.SettledAsync(item);

        Assert.Equal("published", post.GetProperty("status").GetString());
        Assert.DoesNotContain("retry-later", WeChatCms.StepNames(post));
        Assert.Single(await cms.PublishedArticlesAsync(title));
    }

    [Fact]
    public async Task Tokens_revoked_by_WeChat_are_fetched_again()
    {
        var (item, title) = await NewItemAsync();
        await (await cms.ClientAsync()).Tokens.GetAsync(TestContext.Current.CancellationToken); // a token is cached
        await cms.ControlAsync("revoke-tokens");

        await cms.CrossPostAsync(item);

        Assert.Equal("published", (await cms.SettledAsync(item)).GetProperty("status").GetString());
        Assert.Single(await cms.PublishedArticlesAsync(title));
    }

    /// <summary>Answers no waiting can change: the post fails with the reason in Chinese, the code and the rid, and nothing is published.</summary>
    [Theory]
    [InlineData("/cgi-bin/draft/add", 40164, "白名单")]
    [InlineData("/cgi-bin/freepublish/submit", 48001, "权限")]
    [InlineData("/cgi-bin/freepublish/submit", 53503, "发布前检查")]
    [InlineData("/cgi-bin/freepublish/submit", 53505, "网页后台")]
    [InlineData("/cgi-bin/draft/add", 40007, "已不存在")]
    [InlineData("/cgi-bin/draft/add", 45003, "32")]
    public async Task Final_errors_fail_the_post_with_a_readable_reason_and_it_can_be_retried(string path, int errCode, string words)
    {
        var (item, title) = await NewItemAsync();
        await cms.FaultAsync(new { path, errCode, count = 1 });

        var accepted = await cms.CrossPostAsync(item);
        var post = await cms.SettledAsync(item);

        Assert.Equal("failed", post.GetProperty("status").GetString());
        var error = post.GetProperty("error").GetString()!;
        Assert.Contains(words, error, StringComparison.Ordinal);
        Assert.Contains("请求编号", error, StringComparison.Ordinal);
        Assert.Contains($"错误码 {errCode}", error, StringComparison.Ordinal);
        Assert.Empty(await cms.PublishedArticlesAsync(title));

        // Once the cause is gone, a retry publishes it.
        var retried = await cms.Editor.ExpectAsync(HttpStatusCode.Accepted, HttpMethod.Post, $"/api/manage/v1/wechat/posts/{accepted.GetProperty("id").GetInt64()}/retry");
        Assert.NotEqual(accepted.GetProperty("id").GetInt64(), retried.GetProperty("id").GetInt64());
        Assert.Equal("published", (await cms.SettledAsync(item)).GetProperty("status").GetString());
        Assert.Single(await cms.PublishedArticlesAsync(title));
    }

    [Fact]
    public async Task An_HTTP_4xx_fails_the_post_instead_of_leaving_it_in_flight()
    {
        var (item, title) = await NewItemAsync();
        await cms.FaultAsync(new { path = "/cgi-bin/draft/add", httpStatus = 403, count = 1 });

        var post = await PostAndSettleAsync(item);

        Assert.Equal("failed", post.GetProperty("status").GetString());
        Assert.Contains("HTTP 403", post.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(await cms.PublishedArticlesAsync(title));
        await cms.Editor.ExpectAsync(HttpStatusCode.Accepted, HttpMethod.Post, $"/api/manage/v1/wechat/posts/{post.GetProperty("id").GetInt64()}/retry");
        Assert.Equal("published", (await cms.SettledAsync(item)).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(2, "原创")]
    [InlineData(3, "发布失败")]
    [InlineData(4, "审核")]
    public async Task A_publish_job_that_ends_badly_fails_the_post_with_its_reason(int status, string words)
    {
        var (item, title) = await NewItemAsync();
        await cms.ControlAsync($"publish-outcome/{status}");

        var post = await PostAndSettleAsync(item);

        Assert.Equal("failed", post.GetProperty("status").GetString());
        Assert.Contains(words, post.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(await cms.PublishedArticlesAsync(title));
        Assert.Equal(HttpStatusCode.NotFound, (await cms.Editor.SendAsync(HttpMethod.Post, "/api/manage/v1/wechat/posts/987654/retry")).Status);
    }

    /// <summary>draft/add runs at WeChat but its answer comes after the client gave up: the next run finds that draft by its marker.</summary>
    [Fact]
    public async Task A_draft_whose_answer_timed_out_is_found_again_not_created_twice()
    {
        var (item, title) = await NewItemAsync();
        await cms.FaultAsync(new { path = "/cgi-bin/draft/add", delayAfterMs = 12_000, count = 1 });

        var post = await PostAndSettleAsync(item, seconds: 60);

        Assert.Equal("published", post.GetProperty("status").GetString());
        Assert.Contains(post.GetProperty("steps").EnumerateArray(), s => s.GetProperty("name").GetString() == "drafted"
            && s.GetProperty("detail").GetString()!.StartsWith("找回", StringComparison.Ordinal));
        Assert.Single(await cms.PublishedArticlesAsync(title));
        Assert.Equal(0, await cms.DraftsTitledAsync(title));
    }

    /// <summary>submit runs but its answer is lost: the draft is gone, so the post looks among published articles by marker.</summary>
    [Fact]
    public async Task A_submit_whose_answer_timed_out_is_followed_to_its_article()
    {
        var (item, title) = await NewItemAsync();
        await cms.FaultAsync(new { path = "/cgi-bin/freepublish/submit", delayAfterMs = 12_000, count = 1 });

        var post = await PostAndSettleAsync(item, seconds: 60);

        Assert.Equal("published", post.GetProperty("status").GetString());
        var article = Assert.Single(await cms.PublishedArticlesAsync(title));
        Assert.Equal(article.GetProperty("url").GetString(), post.GetProperty("articleUrl").GetString());
    }

    [Fact]
    public async Task A_lost_push_is_made_up_for_by_polling()
    {
        var (item, title) = await NewItemAsync();
        await cms.ControlAsync("lose-pushes/1");

        var post = await PostAndSettleAsync(item);

        Assert.Equal("published", post.GetProperty("status").GetString());
        Assert.Single(await cms.PublishedArticlesAsync(title));
    }

    [Fact]
    public async Task A_duplicated_push_is_handled_once()
    {
        var (item, title) = await NewItemAsync();
        await cms.ControlAsync("duplicate-pushes/1");

        var post = await PostAndSettleAsync(item);

        Assert.Equal("published", post.GetProperty("status").GetString());
        Assert.Single(await cms.PublishedArticlesAsync(title));
        Assert.Equal(1, WeChatCms.StepNames(post).Count(s => s == "published"));
    }

    private async Task<JsonElement> PostAndSettleAsync(int item, int seconds = 40)
    {
        await cms.CrossPostAsync(item);
        return await cms.SettledAsync(item, seconds);
    }

    /// <param name="picture">With a picture never sent before (as cover and in the body), so it is uploaded in this post.</param>
    private async Task<(int Id, string Title)> NewItemAsync(bool picture = false)
    {
        cms.RequireProvider();
        var title = "故障 " + Guid.NewGuid().ToString("N")[..8];
        if (!picture)
            return ((await cms.PublishedAsync(title)).Id, title);
        var jpeg = TestImages.Jpeg(600 + Random.Shared.Next(400), 450);
        var id = (await cms.Editor.UploadOkAsync(jpeg, "photo.jpg", alt: "现场")).GetProperty("id").GetInt32();
        return ((await cms.PublishedAsync(title, $"![现场](/media/{id})", cover: $"/media/{id}")).Id, title);
    }
}
