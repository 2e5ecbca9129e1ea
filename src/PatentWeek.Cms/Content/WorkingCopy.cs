using System.Text.Json;
using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Content;

/// <summary>The pending edit of a published item, stored as JSON on the item with its rendered HTML.</summary>
public sealed record WorkingCopy(ContentFields Fields, string Html)
{
    public string ToJson() => JsonSerializer.Serialize(new { fields = Fields.ToSnapshot(), html = Html });

    public static WorkingCopy? Of(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.WorkingCopy is null)
            return null;
        using var json = JsonDocument.Parse(item.WorkingCopy);
        return new WorkingCopy(
            ContentFields.FromSnapshot(json.RootElement.GetProperty("fields").GetString()!),
            json.RootElement.GetProperty("html").GetString()!);
    }
}
