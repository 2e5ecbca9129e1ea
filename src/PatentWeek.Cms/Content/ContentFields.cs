using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Content;

/// <summary>
/// The editable fields of an item: what a save writes, what a revision snapshots, what a file holds.
/// Times are UTC. The declared <see cref="TextFields"/> travel in <see cref="Texts"/> and are written as flat properties
/// (<see cref="TextFieldsJson"/>); the ones other code reads by name have a typed property here.
/// </summary>
public sealed record ContentFields : IHasTextFields
{
    private static readonly JsonSerializerOptions SnapshotJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver().WithAddedModifier(TextFieldsJson.Modifier),
    };

    public required ContentKind Kind { get; init; }
    public required int Edition { get; init; }
    public required string Title { get; init; }
    public required string Slug { get; init; }
    public string Body { get; init; } = "";
    public string? City { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public bool IsOriginal { get; init; } = true;
    public bool IsPinned { get; init; }
    public bool IsSample { get; init; }
    public ContentState State { get; init; } = ContentState.Draft;
    public DateTime? PublishedAt { get; init; }
    public DateTime? StartsAt { get; init; }
    public DateTime? EndsAt { get; init; }

    [JsonIgnore]
    public TextValues Texts { get; init; } = new();

    [JsonIgnore]
    public string? Summary { get => Texts[TextFields.Summary]; init => Texts = Texts.With(TextFields.Summary, value); }

    [JsonIgnore]
    public string? WeChatTitle { get => Texts[TextFields.WeChatTitle]; init => Texts = Texts.With(TextFields.WeChatTitle, value); }

    [JsonIgnore]
    public string? Cover { get => Texts[TextFields.Cover]; init => Texts = Texts.With(TextFields.Cover, value); }

    [JsonIgnore]
    public string? Author { get => Texts[TextFields.Author]; init => Texts = Texts.With(TextFields.Author, value); }

    [JsonIgnore]
    public string? Location { get => Texts[TextFields.Location]; init => Texts = Texts.With(TextFields.Location, value); }

    public static ContentFields From(ContentItem item, int editionNumber)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ContentFields
        {
            Kind = item.Kind,
            Edition = editionNumber,
            Title = item.Title,
            Slug = item.Slug,
            Body = item.Body,
            City = item.CityCode,
            Tags = item.Tags.Select(t => t.Name).Order(StringComparer.Ordinal).ToArray(),
            Texts = TextValues.From(f => f.Read(item)),
            IsOriginal = item.IsOriginal,
            IsPinned = item.IsPinned,
            IsSample = item.IsSample,
            State = item.State,
            PublishedAt = item.PublishedAt,
            StartsAt = item.StartsAt,
            EndsAt = item.EndsAt,
        };
    }

    public static ContentFields FromSnapshot(string json) =>
        JsonSerializer.Deserialize<ContentFields>(json, SnapshotJson) ?? throw new JsonException("An empty content snapshot.");

    /// <summary>The snapshot stored in a revision; equal fields give equal text, so it also compares.</summary>
    public string ToSnapshot() =>
        JsonSerializer.Serialize(this with { Tags = Tags.Distinct().Order(StringComparer.Ordinal).ToArray() }, SnapshotJson);
}
