using System.Text.Json.Nodes;

namespace PatentWeek.Cms.Campaign;

/// <summary>One field that differs between two versions of a submission, by its API name (<c>events[1].place</c>).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>
/// What changed between two versions of a plan or report: their JSON documents flattened to leaf fields and compared, so
/// a diff names fields as the API and the error messages do, whatever the form's kind.
/// </summary>
public static class SubmissionDiff
{
    public static IReadOnlyList<FieldChange> Between(string? before, string after)
    {
        var old = Flatten(before is null ? null : JsonNode.Parse(before));
        var now = Flatten(JsonNode.Parse(after));
        return [.. old.Keys.Union(now.Keys).Order(StringComparer.Ordinal)
            .Select(k => new FieldChange(k, old.GetValueOrDefault(k), now.GetValueOrDefault(k)))
            .Where(c => c.Before != c.After)];
    }

    private static Dictionary<string, string?> Flatten(JsonNode? node)
    {
        var leaves = new Dictionary<string, string?>(StringComparer.Ordinal);
        Walk(node, "", leaves);
        return leaves;
    }

    private static void Walk(JsonNode? node, string at, Dictionary<string, string?> leaves)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                    Walk(value, at.Length == 0 ? key : $"{at}.{key}", leaves);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    Walk(array[i], $"{at}[{i}]", leaves);
                break;
            case null:
                break;
            default:
                leaves[at] = node.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
                break;
        }
    }
}
