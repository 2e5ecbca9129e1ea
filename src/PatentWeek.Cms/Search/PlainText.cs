using System.Net;
using System.Text.RegularExpressions;

namespace PatentWeek.Cms.Search;

/// <summary>
/// The text of an item's rendered HTML, for the index and for snippets: every tag becomes a space (a paragraph's end is
/// a break, so its last and the next one's first characters never form a pair), entities are decoded, runs of white
/// space are one space. The HTML is the sanitised output of the renderer, so a tag never holds a '&gt;' in a value.
/// </summary>
public static partial class PlainText
{
    public static string FromHtml(string? html) =>
        string.IsNullOrEmpty(html) ? "" : Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Trim();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
