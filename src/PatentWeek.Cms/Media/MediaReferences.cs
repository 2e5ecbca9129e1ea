using System.Text.RegularExpressions;

namespace PatentWeek.Cms.Media;

/// <summary>
/// Content points at library media by its permanent address <c>/media/{id}</c>: the cover field holds it, and
/// the body uses it in Markdown images (<c>![alt](/media/12)</c>, reference-style too) or links. References
/// are read from the rendered HTML, so every Markdown form that shows the media is found.
/// </summary>
public static partial class MediaReferences
{
    public const string CoverField = "cover";
    public const string BodyField = "body";

    public static string Address(int id) => $"{MediaKeys.PublicRequestPath}/{id}";

    /// <summary>The media id of an address (<c>/media/12</c>, optionally with a query or fragment), or null.</summary>
    public static int? IdOf(string? address) =>
        address is not null && AddressPattern().Match(address.Trim()) is { Success: true } m && int.TryParse(m.Groups[1].ValueSpan, out var id) ? id : null;

    /// <summary>The ids a piece of rendered (sanitised) HTML shows or links to, in <c>src</c> and <c>href</c> attributes.</summary>
    public static IEnumerable<int> BodyIds(string? html) => html is null
        ? []
        : AttributePattern().Matches(html).Select(m => int.TryParse(m.Groups[1].ValueSpan, out var id) ? id : 0).Where(id => id > 0).Distinct();

    /// <summary>Every (media id, field) of a cover value and a body's rendered HTML.</summary>
    public static IEnumerable<(int Id, string Field)> All(string? cover, string? html)
    {
        if (IdOf(cover) is { } coverId)
            yield return (coverId, CoverField);
        foreach (var id in BodyIds(html))
            yield return (id, BodyField);
    }

    [GeneratedRegex(@"^/media/(\d{1,9})(?:[?#].*)?$")]
    private static partial Regex AddressPattern();

    // Markdig and HtmlSanitizer both write attributes in double quotes.
    [GeneratedRegex(@"\b(?:src|href)=""/media/(\d{1,9})(?:[?#][^""]*)?""")]
    private static partial Regex AttributePattern();
}
