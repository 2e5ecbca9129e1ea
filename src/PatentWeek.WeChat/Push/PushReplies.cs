using System.Globalization;
using System.Xml.Linq;

namespace PatentWeek.WeChat.Push;

/// <summary>An article of a news reply: up to 8 per reply (WeChat shows 1 on current clients).</summary>
public sealed record NewsReplyArticle(string Title, string Description, string PicUrl, string Url);

/// <summary>Passive replies to a follower's message: sender and receiver swap, CDATA for every text.</summary>
public static class PushReplies
{
    public static string Text(PushMessage to, string content, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(to);
        return Envelope(to, "text", now, new XElement("Content", new XCData(content)));
    }

    public static string News(PushMessage to, IReadOnlyList<NewsReplyArticle> articles, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(articles);
        var items = articles.Take(8).Select(a => new XElement("item",
            new XElement("Title", new XCData(a.Title)),
            new XElement("Description", new XCData(a.Description)),
            new XElement("PicUrl", new XCData(a.PicUrl)),
            new XElement("Url", new XCData(a.Url)))).ToList();
        return Envelope(to, "news", now, new XElement("ArticleCount", items.Count), new XElement("Articles", items));
    }

    private static string Envelope(PushMessage to, string type, DateTimeOffset now, params object[] content) =>
        new XElement("xml",
            new XElement("ToUserName", new XCData(to.FromUserName)),
            new XElement("FromUserName", new XCData(to.ToUserName)),
            new XElement("CreateTime", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            new XElement("MsgType", new XCData(type)),
            content).ToString(SaveOptions.DisableFormatting);
}
