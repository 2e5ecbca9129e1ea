using System.Text.Json;

namespace PatentWeek.Cms.Tests.Infrastructure;

/// <summary>An item's cross-post as the management API reports it, for tests that follow one through crashes.</summary>
public static class CrossPostStatus
{
    /// <summary>The item's cross-post, or <c>{"status":"none"}</c> while there is none (or the instance asked is down).</summary>
    public static async Task<JsonElement> GetAsync(HttpClient http, int id)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.GetAsync(new Uri($"/api/manage/v1/content/{id}/wechat", UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return response.IsSuccessStatusCode ? JsonDocument.Parse(text).RootElement.Clone() : JsonDocument.Parse("""{"status":"none","steps":[]}""").RootElement.Clone();
    }

    /// <summary>The last step the CMS recorded, or null before the first.</summary>
    public static string? LastStep(JsonElement post) => post.GetProperty("steps").EnumerateArray().LastOrDefault() is { ValueKind: JsonValueKind.Object } last
        ? last.GetProperty("name").GetString()
        : null;
}
