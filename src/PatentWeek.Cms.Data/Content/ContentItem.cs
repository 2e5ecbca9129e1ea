using System.ComponentModel.DataAnnotations;
using PatentWeek.Cms.Data.Campaign;

namespace PatentWeek.Cms.Data.Content;

/// <summary>
/// One piece of content in one edition. Publishing is a state, not a copy: the public reads the same row.
/// All times are UTC; they are shown and entered in Beijing time by the host.
/// </summary>
public class ContentItem : ICityOwned
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public Edition Edition { get; set; } = null!;
    public ContentKind Kind { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    [MaxLength(1000)]
    public string? Summary { get; set; }

    /// <summary>The title on WeChat, when the item's own title is longer than WeChat's 32 characters.</summary>
    [MaxLength(64)]
    public string? WeChatTitle { get; set; }
    public string Body { get; set; } = "";

    /// <summary>Sanitised HTML rendered from <see cref="Body"/> on save, never per request.</summary>
    public string Html { get; set; } = "";

    /// <summary>
    /// The version of the Markdown renderer that made <see cref="Html"/> (and the working copy's HTML); an older
    /// one is rendered again at start-up, so a renderer fix reaches stored pages without anyone editing them.
    /// 0: stored before versions were recorded.
    /// </summary>
    public int HtmlRendererVersion { get; set; }

    public string? CityCode { get; set; }
    public City? City { get; set; }
    public List<ContentTag> Tags { get; set; } = [];

    /// <summary>The media this item shows (cover and body, live version and working copy).</summary>
    public List<Media.MediaUsage> Media { get; set; } = [];
    [MaxLength(500)]
    public string? Cover { get; set; }

    /// <summary>来源: the organisation or outlet the text comes from.</summary>
    [MaxLength(100)]
    public string? Source { get; set; }
    [MaxLength(100)]
    public string? Author { get; set; }

    /// <summary>责任编辑: the editor answerable for the published text.</summary>
    [MaxLength(100)]
    public string? ResponsibleEditor { get; set; }
    public bool IsOriginal { get; set; } = true;
    public bool IsPinned { get; set; }

    /// <summary>Sample content from the seed, shown as 示例 on the site.</summary>
    public bool IsSample { get; set; }
    public ContentState State { get; set; }
    public DateTime? PublishedAt { get; set; }

    /// <summary>Event fields; null for other kinds.</summary>
    public DateTime? StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }
    [MaxLength(200)]
    public string? Location { get; set; }

    /// <summary>An event's type as its stable code (training, matchmaking…); the registry holds the Chinese labels.</summary>
    [MaxLength(32)]
    public string? EventType { get; set; }

    /// <summary>Who organises an event (主办单位).</summary>
    [MaxLength(200)]
    public string? Organiser { get; set; }

    /// <summary>The item's article on the WeChat official account, once a cross-post was published.</summary>
    public string? WeChatUrl { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// Hash of the seed file this item was last written from; null when the item is not the seed's (created
    /// in the CMS or by an explicit import). The start-up seed overwrites an item only when its file changed
    /// and nobody edited the item since, so editors' work survives restarts.
    /// </summary>
    public string? ImportedHash { get; set; }

    /// <summary>The item's version right after the seed last wrote it; a later version means someone edited it since.</summary>
    public int? ImportedVersion { get; set; }

    /// <summary>Who created it (user id); "own" in the permission rules.</summary>
    public string? CreatedById { get; set; }

    /// <summary>
    /// The working copy of a published or archived item, as <c>ContentFields</c> JSON: edits land here while
    /// the live version stays as it is, until the copy is published. Null when there is none.
    /// </summary>
    public string? WorkingCopy { get; set; }

    /// <summary>Who started the working copy (user id).</summary>
    public string? WorkingCopyById { get; set; }

    /// <summary>Where the working copy is in the workflow (draft, submitted or approved).</summary>
    public ContentState? WorkingCopyState { get; set; }

    /// <summary>The last reviewer's comment on a rejection, shown to the author.</summary>
    public string? ReviewComment { get; set; }

    public DateTime? ScheduledPublishAt { get; set; }
    public DateTime? ScheduledUnpublishAt { get; set; }

    /// <summary>Set when the item is in the trash; purged 30 days later.</summary>
    public DateTime? DeletedAt { get; set; }

    /// <summary>Optimistic concurrency token; bumped on every save.</summary>
    public int Version { get; set; }
    public List<Revision> Revisions { get; set; } = [];
}
