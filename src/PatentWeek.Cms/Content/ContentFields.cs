using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Content;

/// <summary>
/// The editable fields of an item: what a save writes, what a revision snapshots, what a file holds.
/// Times are UTC.
/// </summary>
public sealed record ContentFields
{
    private static readonly JsonSerializerOptions SnapshotJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public required ContentKind Kind { get; init; }
    public required int Edition { get; init; }
    public required string Title { get; init; }
    public required string Slug { get; init; }
    public string? Summary { get; init; }
    public string? WeChatTitle { get; init; }
    public string Body { get; init; } = "";
    public string? City { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Cover { get; init; }
    public string? Source { get; init; }
    public string? Author { get; init; }
    public string? ResponsibleEditor { get; init; }
    public bool IsOriginal { get; init; } = true;
    public bool IsPinned { get; init; }
    public bool IsSample { get; init; }
    public ContentState State { get; init; } = ContentState.Draft;
    public DateTime? PublishedAt { get; init; }
    public DateTime? StartsAt { get; init; }
    public DateTime? EndsAt { get; init; }
    public string? Location { get; init; }

    public static ContentFields From(ContentItem item, int editionNumber)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ContentFields
        {
            Kind = item.Kind,
            Edition = editionNumber,
            Title = item.Title,
            Slug = item.Slug,
            Summary = item.Summary,
            WeChatTitle = item.WeChatTitle,
            Body = item.Body,
            City = item.CityCode,
            Tags = item.Tags.Select(t => t.Name).Order(StringComparer.Ordinal).ToArray(),
            Cover = item.Cover,
            Source = item.Source,
            Author = item.Author,
            ResponsibleEditor = item.ResponsibleEditor,
            IsOriginal = item.IsOriginal,
            IsPinned = item.IsPinned,
            IsSample = item.IsSample,
            State = item.State,
            PublishedAt = item.PublishedAt,
            StartsAt = item.StartsAt,
            EndsAt = item.EndsAt,
            Location = item.Location,
        };
    }

    public static ContentFields FromSnapshot(string json) =>
        JsonSerializer.Deserialize<ContentFields>(json, SnapshotJson) ?? throw new JsonException("An empty content snapshot.");

    /// <summary>The snapshot stored in a revision; equal fields give equal text, so it also compares.</summary>
    public string ToSnapshot() =>
        JsonSerializer.Serialize(this with { Tags = Tags.Distinct().Order(StringComparer.Ordinal).ToArray() }, SnapshotJson);
}
