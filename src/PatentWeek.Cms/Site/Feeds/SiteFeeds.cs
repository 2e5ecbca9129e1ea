using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace PatentWeek.Cms.Site.Feeds;

/// <summary>RSS 2.0 or Atom 1.0.</summary>
public enum FeedFormat
{
    Rss,
    Atom,
}

/// <summary>What a feed is about: its title, the page it follows, its own address (all absolute) and its items.</summary>
public sealed record FeedSource(string Title, string Description, string PageUrl, string SelfUrl, IReadOnlyList<FeedEntry> Entries, string Publisher);

/// <summary>
/// Writes a feed with System.ServiceModel.Syndication. RSS carries the whole HTML in <c>description</c> (what readers
/// show as the body); Atom carries it as <c>content type="html"</c> beside the item's summary.
/// </summary>
public static class SiteFeeds
{
    public static string ContentType(FeedFormat format) =>
        format == FeedFormat.Rss ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8";

    /// <summary>The time the newest change in the feed was made: its <c>updated</c> (<c>lastBuildDate</c> in RSS).</summary>
    public static DateTimeOffset? LastChanged(FeedSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Entries.Count == 0 ? null : source.Entries.Max(e => e.UpdatedAt);
    }

    public static byte[] Write(FeedSource source, FeedFormat format)
    {
        ArgumentNullException.ThrowIfNull(source);
        var feed = new SyndicationFeed(source.Title, source.Description, new Uri(source.PageUrl), source.SelfUrl, LastChanged(source) ?? DateTimeOffset.UnixEpoch)
        {
            Language = "zh-CN",
            Generator = "PatentWeek.Cms",
            Items = source.Entries.Select(e => Item(e, format)).ToList(),
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(source.SelfUrl), ContentType(format).Split(';')[0]));
        feed.Authors.Add(new SyndicationPerson { Name = source.Publisher });

        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            SyndicationFeedFormatter formatter = format == FeedFormat.Rss ? new Rss20FeedFormatter(feed) : new Atom10FeedFormatter(feed);
            formatter.WriteTo(xml);
        }

        return buffer.ToArray();
    }

    private static SyndicationItem Item(FeedEntry entry, FeedFormat format)
    {
        var link = new Uri(entry.Url);
        var item = new SyndicationItem
        {
            Id = entry.Url,
            Title = new TextSyndicationContent(entry.Title),
            LastUpdatedTime = entry.UpdatedAt,
        };
        if (entry.PublishedAt is { } published)
            item.PublishDate = published;
        if (format == FeedFormat.Rss)
        {
            item.Summary = new TextSyndicationContent(entry.Html, TextSyndicationContentKind.Html);
        }
        else
        {
            item.Content = new TextSyndicationContent(entry.Html, TextSyndicationContentKind.Html);
            if (entry.Summary is { Length: > 0 } summary)
                item.Summary = new TextSyndicationContent(summary);
        }

        item.Links.Add(SyndicationLink.CreateAlternateLink(link, "text/html"));
        if (entry.Enclosure is { } enclosure)
            item.Links.Add(new SyndicationLink(new Uri(enclosure.Url), "enclosure", null, enclosure.ContentType, enclosure.Length));
        if (entry.Author is { Length: > 0 } author)
            item.Authors.Add(new SyndicationPerson { Name = author });
        foreach (var tag in entry.Tags)
            item.Categories.Add(new SyndicationCategory(tag));
        return item;
    }
}
