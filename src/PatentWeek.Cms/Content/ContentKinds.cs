using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Content;

/// <summary>The lower-case names of kinds and states used in URLs, files and the APIs.</summary>
public static class ContentKinds
{
    public static readonly IReadOnlyList<string> Names = ContentTypes.Names;

    public static string ToName(this ContentKind kind) => kind.ToString().ToLowerInvariant();

    public static string ToName(this ContentState state) => state.ToString().ToLowerInvariant();

    /// <summary>A kind the registry defines, by its exact lower-case name.</summary>
    public static bool TryParseKind(string? value, out ContentKind kind)
    {
        var type = ContentTypes.Find(value);
        kind = type?.Kind ?? default;
        return type is not null;
    }

    public static bool TryParseState(string? value, out ContentState state) => TryParseLower(value, out state);

    // Only the exact lower-case names: "1" or "News" are not kinds.
    private static bool TryParseLower<T>(string? value, out T result)
        where T : struct, Enum
    {
        result = default;
        return value is not null
            && value.All(char.IsAsciiLetterLower)
            && Enum.TryParse(value, ignoreCase: true, out result);
    }
}
