using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PatentWeek.Cms.Tests.Infrastructure;

/// <summary>Small helpers for calling the management API and reading what it answers.</summary>
public static class ApiCalls
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(this HttpClient client, HttpMethod method, string url, object? body = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, json);
    }

    public static async Task<JsonElement> ExpectAsync(this HttpClient client, HttpStatusCode expected, HttpMethod method, string url, object? body = null)
    {
        var (status, json) = await client.SendAsync(method, url, body);
        Assert.True(status == expected, $"{method} {url}: expected {(int)expected}, got {(int)status}: {(json.ValueKind == JsonValueKind.Undefined ? "" : json.ToString())}");
        return json;
    }

    public static Task<JsonElement> PostAsync(this HttpClient client, string url, object? body = null, HttpStatusCode expected = HttpStatusCode.OK) =>
        client.ExpectAsync(expected, HttpMethod.Post, url, body ?? new { });

    public static Task<JsonElement> GetOkAsync(this HttpClient client, string url) => client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, url);

    public static async Task<int> CreateAsync(this HttpClient client, object body)
    {
        var json = await client.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/manage/v1/content", body);
        return json.GetProperty("id").GetInt32();
    }

    public static string State(this JsonElement item) => item.GetProperty("state").GetString()!;
}
