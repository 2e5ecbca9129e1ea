using System.Net.Http.Json;
using System.Text.Json;

namespace PatentWeek.Cms.Tests.Infrastructure;

public static class Json
{
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, HttpStatusCodeExpectation expect = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var status = expect.Status ?? System.Net.HttpStatusCode.OK;
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"GET {url}: expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<T?> ReadAsync<T>(this HttpContent content) =>
        content.ReadFromJsonAsync<T>(TestContext.Current.CancellationToken);
}

public readonly record struct HttpStatusCodeExpectation(System.Net.HttpStatusCode? Status)
{
    public static implicit operator HttpStatusCodeExpectation(System.Net.HttpStatusCode status) => new(status);
}
