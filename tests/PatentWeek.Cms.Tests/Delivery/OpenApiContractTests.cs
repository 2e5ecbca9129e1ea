using System.Text.Json;
using System.Text.Json.Nodes;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Delivery;

/// <summary>
/// The delivery API is a public contract: any change to its OpenAPI document must be deliberate.
/// On a difference the test writes <c>openapi-v1.received.json</c> beside the snapshot; review it and
/// copy it over <c>openapi-v1.json</c> when the change is intended.
/// </summary>
public sealed class OpenApiContractTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task The_openapi_document_matches_the_snapshot()
    {
        var json = await app.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        var document = JsonNode.Parse(json)!;
        // The server address differs per run; the contract does not.
        document.AsObject().Remove("servers");
        var actual = document.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

        var folder = Path.Combine(Repo.Root, "tests", "PatentWeek.Cms.Tests", "Delivery");
        var snapshot = Path.Combine(folder, "openapi-v1.json");
        var received = Path.Combine(folder, "openapi-v1.received.json");
        var expected = File.Exists(snapshot) ? await File.ReadAllTextAsync(snapshot, TestContext.Current.CancellationToken) : "";
        if (expected != actual)
        {
            await File.WriteAllTextAsync(received, actual, TestContext.Current.CancellationToken);
            Assert.Fail($"The OpenAPI document changed. Compare {received} with {snapshot}, and copy it over when intended.");
        }

        File.Delete(received);
    }
}
