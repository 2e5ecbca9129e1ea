using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Data.Media;
using PatentWeek.Cms.Media;

namespace PatentWeek.Cms.Content;

/// <summary>
/// The one place an item's fields change: renders the Markdown, bumps the version and adds the
/// revision, so every save — import, API or admin — leaves the same trail.
/// </summary>
public sealed class ContentWriter(MarkdownRenderer markdown, TimeProvider time)
{
    public ContentItem Create(ContentFields fields, Edition edition, string savedBy, DateTime? createdAt = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var now = time.GetUtcNow().UtcDateTime;
        var item = new ContentItem
        {
            Edition = edition,
            Slug = fields.Slug,
            Title = fields.Title,
            CreatedAt = createdAt ?? now,
        };
        Apply(item, fields, savedBy);
        return item;
    }

    /// <summary>Writes <paramref name="fields"/> into the item and records the save as a new revision.</summary>
    public void Apply(ContentItem item, ContentFields fields, string savedBy, DateTime? updatedAt = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(fields);
        var now = time.GetUtcNow().UtcDateTime;

        item.Kind = fields.Kind;
        item.Slug = fields.Slug;
        item.Title = fields.Title;
        if (item.Body != fields.Body || item.Html.Length == 0 || item.HtmlRendererVersion != MarkdownRenderer.Version)
        {
            item.Html = markdown.ToHtml(fields.Body);
            item.HtmlRendererVersion = MarkdownRenderer.Version;
        }
        item.Body = fields.Body;
        item.CityCode = fields.City;
        foreach (var field in TextFields.All)
            field.Write(item, fields.Texts[field]);
        item.IsOriginal = fields.IsOriginal;
        item.IsPinned = fields.IsPinned;
        item.IsSample = fields.IsSample;
        item.State = fields.State;
        item.PublishedAt = PublishDates.Next(item.PublishedAt, fields.PublishedAt, fields.State, now);
        item.StartsAt = fields.StartsAt;
        item.EndsAt = fields.EndsAt;
        SyncTags(item, fields.Tags);
        var pending = WorkingCopy.Of(item);
        SyncMedia(item, MediaReferences.All(fields.Cover, item.Html), pending is null ? [] : MediaReferences.All(pending.Fields.Cover, pending.Html));

        item.UpdatedAt = updatedAt ?? now;
        item.Version++;
        item.Revisions.Add(new Revision
        {
            Number = item.Version,
            CreatedAt = now,
            CreatedBy = savedBy,
            Snapshot = (fields with { PublishedAt = item.PublishedAt }).ToSnapshot(),
        });
    }

    private static void SyncTags(ContentItem item, IReadOnlyList<string> tags)
    {
        var wanted = tags.Select(t => t.Trim()).Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);
        item.Tags.RemoveAll(t => !wanted.Contains(t.Name));
        foreach (var name in wanted.Where(n => item.Tags.TrueForAll(t => t.Name != n)))
            item.Tags.Add(new ContentTag { Name = name });
    }

    /// <summary>Records which media the item shows, in its live version and in its working copy.</summary>
    private static void SyncMedia(ContentItem item, IEnumerable<(int Id, string Field)> live, IEnumerable<(int Id, string Field)> copy)
    {
        var wanted = live.Concat(copy).ToHashSet();
        item.Media.RemoveAll(u => !wanted.Contains((u.MediaAssetId, u.Field)));
        foreach (var (id, field) in wanted.Where(w => !item.Media.Exists(u => u.MediaAssetId == w.Id && u.Field == w.Field)))
            item.Media.Add(new MediaUsage { MediaAssetId = id, Field = field });
    }

    /// <summary>
    /// Saves an edit of a published item as its working copy: the live version stays as it is until the
    /// copy is published. The save is a revision like any other.
    /// </summary>
    public void SaveWorkingCopy(ContentItem item, ContentFields fields, string savedBy, string? authorId)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(fields);
        var now = time.GetUtcNow().UtcDateTime;
        var copy = new WorkingCopy(fields, markdown.ToHtml(fields.Body));
        item.WorkingCopy = copy.ToJson();
        SyncMedia(item, MediaReferences.All(item.Cover, item.Html), MediaReferences.All(fields.Cover, copy.Html));
        item.WorkingCopyState ??= ContentState.Draft;
        item.WorkingCopyById ??= authorId;
        item.UpdatedAt = now;
        item.Version++;
        item.Revisions.Add(new Revision { Number = item.Version, CreatedAt = now, CreatedBy = savedBy, Snapshot = fields.ToSnapshot() });
    }

    /// <summary>Records a change of state (no new content): the version moves, so stale saves are caught.</summary>
    public void Touch(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.UpdatedAt = time.GetUtcNow().UtcDateTime;
        item.Version++;
    }
}
