using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using PatentWeek.Cms.Content.Types;

namespace PatentWeek.Cms.Content;

/// <summary>
/// The body of <c>POST /content</c> and <c>PUT /content/{id}</c>. A PUT replaces the editable fields:
/// an optional field left out is cleared (except <c>slug</c>, which is kept). Times are Beijing wall-clock
/// text (<c>2019-12-01 09:00</c>) or ISO 8601 with an offset. The declared <see cref="TextFields"/> (summary, source,
/// weChatTitle — needed when the title is longer than 32 characters — …) are flat properties of the body too, held
/// in <see cref="Texts"/> and limited by their declaration.
/// </summary>
[TextFieldsLimited]
public sealed record ContentWriteRequest : IHasTextFields
{
    [MaxLength(16), ContentKindName] public string? Kind { get; init; }
    [Required, MaxLength(200)] public string? Title { get; init; }
    [MaxLength(200_000)] public string? Body { get; init; }
    [MaxLength(6)] public string? City { get; init; }
    [MaxLength(20)] public List<string>? Tags { get; init; }
    [MaxLength(120)] public string? Slug { get; init; }
    public bool? Original { get; init; }
    public bool? Pinned { get; init; }
    [MaxLength(40)] public string? StartsAt { get; init; }
    [MaxLength(40)] public string? EndsAt { get; init; }

    /// <summary>Edition number for a new item; default: the current edition. Ignored on PUT.</summary>
    public int? Edition { get; init; }

    /// <summary>On PUT: the version the edit was based on (or send it as <c>If-Match</c>).</summary>
    public int? Version { get; init; }

    [JsonIgnore]
    public TextValues Texts { get; init; } = new();
}
