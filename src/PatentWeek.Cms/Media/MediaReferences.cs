using System.Text.RegularExpressions;
using PatentWeek.Cms.Content;

namespace PatentWeek.Cms.Media;

/// <summary>
/// Content points at library media by its permanent address <c>/media/{id}</c>: the cover field holds it, and
/// the body uses it in Markdown images (<c>![alt](/media/12)</c>). The address outlives rendition changes;
/// the site turns it into a responsive picture when the page is built.
/// </summary>
public static partial class MediaReferences
{
    public const string CoverField = "cover";
    public const string BodyField = "body";

    public static string Address(int id) => $"{MediaStore.PublicRequestPath}/{id}";

    /// <summary>The media id of a cover value, or null when it is empty or an outside address.</summary>
    public static int? CoverId(string? cover) =>
        cover is not null && CoverPattern().Match(cover.Trim()) is { Success: true } m && int.TryParse(m.Groups[1].ValueSpan, out var id) ? id : null;

    public static IEnumerable<int> BodyIds(string? body) => body is null
        ? []
        : BodyPattern().Matches(body).Select(m => int.TryParse(m.Groups[1].ValueSpan, out var id) ? id : 0).Where(id => id > 0).Distinct();

    /// <summary>Every (media id, field) the fields refer to.</summary>
    public static IEnumerable<(int Id, string Field)> All(ContentFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (CoverId(fields.Cover) is { } cover)
            yield return (cover, CoverField);
        foreach (var id in BodyIds(fields.Body))
            yield return (id, BodyField);
    }

    [GeneratedRegex(@"^/media/(\d{1,9})$")]
    private static partial Regex CoverPattern();

    // In a Markdown link target or an HTML attribute: "(/media/12)", "(/media/12 "title")", src="/media/12".
    [GeneratedRegex(@"(?<=[(""'])/media/(\d{1,9})(?=[)\s""'])")]
    private static partial Regex BodyPattern();
}
