using System.Text;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PatentWeek.Cms.Media;

namespace PatentWeek.Cms.WeChat;

/// <summary>What an item gives its WeChat article.</summary>
public sealed record WeChatSource(
    string Title, string? WeChatTitle, string? Summary, string Html, bool IsVideo, Uri PublicUrl, string? Author);

/// <summary>
/// An item as WeChat will hold it, and what keeps it from being sent (<see cref="Problems"/>, in words an editor
/// understands). The preview shows exactly this content; the connector sends exactly this content.
/// </summary>
public sealed record WeChatArticle(string Title, string Digest, string Content, string ContentSourceUrl, string? Author, IReadOnlyList<string> Problems)
{
    public bool CanSend => Problems.Count == 0;
}

/// <summary>
/// Builds the WeChat rendition of an item: a conservative tag allow-list; every style inlined from the theme's
/// <c>wechat.css</c> (WeChat keeps no &lt;style&gt; and no classes); body pictures replaced by the URL the caller
/// gives for each library image (the uploadimg URL when sending, the local rendition in the preview) and any
/// other picture dropped; links outside mp.weixin.qq.com turned into numbered footnotes (参考链接) that keep the
/// full address as text; 阅读原文 pointing at the item on the site.
/// </summary>
public sealed class WeChatArticleBuilder
{
    public const int MaxTitle = 32;
    public const int MaxAuthor = 16;
    public const int MaxDigest = 128;
    public const int MaxContentCharacters = 20_000;
    public const int MaxContentBytes = 1024 * 1024;

    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "section", "p", "br", "strong", "b", "em", "i", "u", "s", "h2", "h3", "h4", "blockquote", "ul", "ol", "li",
        "table", "thead", "tbody", "tr", "th", "td", "img", "a", "span", "sup", "sub", "hr", "figure", "figcaption", "pre", "code",
    };

    /// <summary>Elements whose content goes with them (never shown as text).</summary>
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "object", "embed", "video", "audio", "form", "input", "button", "select", "textarea", "noscript", "svg", "math",
    };

    private static readonly Dictionary<string, string[]> Attributes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["img"] = ["src", "alt"],
        ["a"] = ["href"],
        ["td"] = ["colspan", "rowspan"],
        ["th"] = ["colspan", "rowspan"],
        ["ol"] = ["start"],
    };

    /// <param name="imageUrl">The URL to show for library image <c>id</c>; null drops the picture.</param>
    public async Task<WeChatArticle> BuildAsync(WeChatSource source, string stylesheet, Func<int, Task<string?>> imageUrl)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(imageUrl);
        var parser = new HtmlParser();
        using var document = parser.ParseDocument("<body><section></section></body>");
        var root = document.Body!.FirstElementChild!;
        root.InnerHtml = source.Html;

        Clean(root);
        foreach (var img in root.QuerySelectorAll("img").ToList())
        {
            var url = MediaReferences.IdOf(img.GetAttribute("src")) is { } id ? await imageUrl(id) : null;
            if (url is null)
                img.Remove();
            else
                img.SetAttribute("src", url);
        }

        Footnote(document, root, source.PublicUrl);
        Inline(document, stylesheet);

        var content = root.OuterHtml;
        var title = string.IsNullOrWhiteSpace(source.WeChatTitle) ? source.Title.Trim() : source.WeChatTitle.Trim();
        var digest = (source.Summary ?? "").Trim();
        var problems = new List<string>();
        if (title.Length > MaxTitle)
            problems.Add($"微信标题最多 {MaxTitle} 个字，现有 {title.Length} 个字：请填写单独的微信标题。");
        if (digest.Length > MaxDigest)
            problems.Add($"摘要最多 {MaxDigest} 个字，现有 {digest.Length} 个字：请缩短摘要。");
        if (content.Length >= MaxContentCharacters)
            problems.Add($"正文排版后有 {content.Length} 个字符，微信要求少于 {MaxContentCharacters}：请拆分或缩短正文。");
        if (Encoding.UTF8.GetByteCount(content) >= MaxContentBytes)
            problems.Add("正文排版后超过 1 MB：请拆分或缩短正文。");
        var author = source.Author is { Length: > MaxAuthor } a ? a[..MaxAuthor] : source.Author;
        return new WeChatArticle(title, digest, content, source.PublicUrl.AbsoluteUri, author, problems);
    }

    /// <summary>Keeps allowed elements and attributes only; unknown wrappers give up their children, dropped ones vanish.</summary>
    private static void Clean(IElement root)
    {
        foreach (var element in root.QuerySelectorAll("*").ToList())
        {
            if (element.Parent is null)
                continue; // already removed with an ancestor
            if (Dropped.Contains(element.LocalName))
            {
                element.Remove();
                continue;
            }

            if (!Allowed.Contains(element.LocalName))
            {
                element.Replace([.. element.ChildNodes]);
                continue;
            }

            var keep = Attributes.TryGetValue(element.LocalName, out var names) ? names : [];
            foreach (var attribute in element.Attributes.ToList())
            {
                if (!keep.Contains(attribute.LocalName, StringComparer.OrdinalIgnoreCase))
                    element.RemoveAttribute(attribute.Name);
            }
        }
    }

    /// <summary>Links off mp.weixin.qq.com do not open inside WeChat: their text stays, marked [n], addresses listed at the end.</summary>
    private static void Footnote(IDocument document, IElement root, Uri site)
    {
        var notes = new List<(string Text, string Url)>();
        foreach (var link in root.QuerySelectorAll("a").ToList())
        {
            var href = link.GetAttribute("href");
            if (href is null || !Uri.TryCreate(site, href, out var target) || target.Scheme is not ("http" or "https"))
            {
                link.Replace([.. link.ChildNodes]);
                continue;
            }

            if (target.Host.Equals("mp.weixin.qq.com", StringComparison.OrdinalIgnoreCase))
                continue;
            var existing = notes.FindIndex(n => n.Url == target.AbsoluteUri);
            var number = existing >= 0 ? existing + 1 : notes.Count + 1;
            if (existing < 0)
                notes.Add((link.TextContent.Trim(), target.AbsoluteUri));
            var mark = document.CreateElement("sup");
            mark.TextContent = $"[{number}]";
            link.Replace([.. link.ChildNodes, mark]);
        }

        if (notes.Count == 0)
            return;
        var section = document.CreateElement("section");
        var heading = document.CreateElement("p");
        heading.TextContent = "参考链接";
        section.AppendChild(heading);
        for (var i = 0; i < notes.Count; i++)
        {
            var line = document.CreateElement("p");
            line.TextContent = notes[i].Text.Length > 0 && notes[i].Text != notes[i].Url
                ? $"[{i + 1}] {notes[i].Text}：{notes[i].Url}"
                : $"[{i + 1}] {notes[i].Url}";
            section.AppendChild(line);
        }

        root.AppendChild(section);
    }

    /// <summary>Applies each rule of the stylesheet to the elements it selects, in order, as style attributes.</summary>
    private static void Inline(IDocument document, string stylesheet)
    {
        var sheet = new CssParser().ParseStyleSheet(stylesheet);
        foreach (var rule in sheet.Rules.OfType<ICssStyleRule>())
        {
            var declarations = rule.Style.CssText;
            if (declarations.Length == 0)
                continue;
            foreach (var element in document.Body!.QuerySelectorAll(rule.SelectorText))
            {
                var current = element.GetAttribute("style");
                element.SetAttribute("style", string.IsNullOrEmpty(current) ? declarations : $"{current.TrimEnd(';')}; {declarations}");
            }
        }
    }
}
