using System.Net;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Search;

/// <summary>
/// The admin's text filter is the search index over what the actor may see: a city clerk finds her own draft by a
/// two-character word (another city's is not hers to find), the index follows her saves, the trash and a restore, and a
/// query with nothing to search for is refused by the search's own rules (API) or named beside the box (admin).
/// </summary>
public abstract class AdminSearchTests(AppFixture fixture)
{
    private const string Wuhan = "420100";
    private const string Huangshi = "420200";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Two rare characters (CJK Extension A), so the seed and the other tests never have the word.</summary>
    private static string Word() => string.Concat((char)(0x3400 + Random.Shared.Next(0x19B0)), (char)(0x3400 + Random.Shared.Next(0x19B0)));

    private static async Task<List<int>> FindAsync(HttpClient client, string q)
    {
        var page = await client.GetOkAsync($"/api/manage/v1/content?q={Uri.EscapeDataString(q)}");
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32())];
    }

    [Fact]
    public async Task A_city_clerk_finds_her_own_draft_by_a_two_character_word_through_saves_trash_and_restore()
    {
        using var wuhan = await Staff.SignInAsync(fixture.App, Roles.CityContributor, Wuhan);
        using var huangshi = await Staff.SignInAsync(fixture.App, Roles.CityContributor, Huangshi);
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var (word, other) = (Word(), Word());
        var mine = await wuhan.Client.CreateAsync(new { kind = "story", title = "武汉活动草稿", city = Wuhan, body = $"本次活动的关键词是{word}。" });
        var theirs = await huangshi.Client.CreateAsync(new { kind = "story", title = $"黄石{word}", city = Huangshi });

        Assert.Equal([mine], await FindAsync(wuhan.Client, word));
        Assert.Equal([theirs], await FindAsync(huangshi.Client, word));
        // The office sees both, the whole word in a title first.
        Assert.Equal([theirs, mine], await FindAsync(editor.Client, word));

        var version = (await wuhan.Client.GetOkAsync($"/api/manage/v1/content/{mine}")).GetProperty("version").GetInt32();
        await wuhan.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/manage/v1/content/{mine}",
            new { kind = "story", title = "武汉活动草稿", city = Wuhan, body = $"改成了{other}。", version });
        Assert.Empty(await FindAsync(wuhan.Client, word));
        Assert.Equal([mine], await FindAsync(wuhan.Client, other));

        await wuhan.Client.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/manage/v1/content/{mine}");
        Assert.Empty(await FindAsync(wuhan.Client, other));
        await wuhan.Client.PostAsync($"/api/manage/v1/content/{mine}/restore");
        Assert.Equal([mine], await FindAsync(wuhan.Client, other));

        // The admin's list, as she uses it.
        using var admin = await AdminSession.SignInAsync(fixture.App, wuhan.Email, Staff.Password);
        var page = await admin.GetStringAsync(new Uri($"/admin/content?q={Uri.EscapeDataString(other)}", UriKind.Relative), Ct);
        Assert.Contains($"/admin/content/{mine}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/admin/content/{theirs}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_with_nothing_to_search_is_refused_by_the_search_rules()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var refused = await editor.Client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, "/api/manage/v1/content?q=" + Uri.EscapeDataString("！！ * : &"));
        Assert.Equal("The query 'q' has no letters, digits or Chinese characters.", refused.GetProperty("errors").GetProperty("q")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.Client.SendAsync(HttpMethod.Get, "/api/manage/v1/content?q=" + new string('a', 101))).Status);

        using var admin = await AdminSession.SignInAsync(fixture.App, editor.Email, Staff.Password);
        var page = await admin.GetStringAsync(new Uri("/admin/content?q=" + Uri.EscapeDataString("！！"), UriKind.Relative), Ct);
        Assert.Contains("搜索词里没有可以查找的文字，请换一个词。", page, StringComparison.Ordinal);
    }
}

public sealed class AdminSearchSqliteTests(SqliteApp app) : AdminSearchTests(app), IClassFixture<SqliteApp>;

public sealed class AdminSearchPostgresTests(PostgresApp app) : AdminSearchTests(app), IClassFixture<PostgresApp>;
