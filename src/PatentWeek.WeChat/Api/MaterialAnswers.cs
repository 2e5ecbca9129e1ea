using System.Text.Json.Serialization;

namespace PatentWeek.WeChat.Api;

/// <summary>How many permanent materials the library holds, by type (<c>material/get_materialcount</c>).</summary>
public sealed record MaterialCount(int VoiceCount, int VideoCount, int ImageCount, int NewsCount);

/// <summary>
/// A permanent material as <c>material/batchget_material</c> lists it: a file (with its name, and a URL for
/// images) or, for type <c>news</c>, its articles in <see cref="Content"/>.
/// </summary>
public sealed record MaterialItem(
    string MediaId,
    [property: JsonConverter(typeof(UnixSecondsConverter))] DateTimeOffset UpdateTime,
    string? Name = null,
    string? Url = null,
    NewsContent? Content = null);
