using Ganss.Xss;
using Markdig;

namespace PatentWeek.Cms.Content;

/// <summary>
/// Markdown to safe HTML: CommonMark with pipe tables and auto-links, raw HTML let through Markdig and
/// then cleaned by HtmlSanitizer. Runs once when an item is saved; pages serve the stored result.
/// </summary>
public sealed class MarkdownRenderer
{
    /// <summary>
    /// Raise this whenever a change here alters the HTML of existing text: items stored by an older version are
    /// rendered again at the next start (<see cref="ContentRerenderer"/>). 2: CJK-friendly emphasis.
    /// </summary>
    public const int Version = 2;

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        // CommonMark's flanking rules refuse **“…。**专利周 (punctuation inside, a letter outside); Chinese
        // copy writes bold that way all the time.
        .UseCjkFriendlyEmphasis()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var html = Markdown.ToHtml(markdown, _pipeline);
        return _sanitizer.Sanitize(html);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        // Links must stay on http(s), mail or in-site paths; javascript: and data: go.
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto", "tel"]);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        return sanitizer;
    }
}
