using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Media;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Media;

/// <summary>What the workflow asks of the media an item shows: it exists (on save), and it has alt text (on publish).</summary>
public sealed class MediaChecks(CmsDbContext db, MarkdownRenderer markdown)
{
    /// <summary>Refuses a save whose cover or body points at media that does not exist, or at a document the actor may not see.</summary>
    public async Task EnsureReferencesAsync(Actor actor, ContentFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (!string.IsNullOrWhiteSpace(fields.Cover) && MediaReferences.IdOf(fields.Cover) is null)
            throw RequestValidationException.Field("cover", Refusals.CoverAddress());
        var ids = MediaReferences.All(fields.Cover, markdown.ToHtml(fields.Body)).Select(r => r.Id).Distinct().ToList();
        if (ids.Count == 0)
            return;
        var found = await db.MediaAssets.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(cancellationToken);
        // A private document is usable by whoever may read it (the authorization table's rule); pictures and films are public.
        var usable = found.Where(m => m.Kind != MediaKind.Document || CityRules.CanRead(actor, m)).Select(m => m.Id).ToHashSet();
        var missing = ids.Where(id => !usable.Contains(id)).ToList();
        if (missing.Count > 0)
            throw RequestValidationException.Field(
                MediaReferences.IdOf(fields.Cover) is { } c && missing.Contains(c) ? "cover" : "body",
                Refusals.MediaMissing(missing.Select(MediaReferences.Address)));
        // A video item's cover is its film (the poster is the picture); every other cover is an image.
        if (MediaReferences.IdOf(fields.Cover) is { } cover && found.First(m => m.Id == cover).Kind is var coverKind
            && coverKind != MediaKind.Image && !(coverKind == MediaKind.Video && fields.Kind == Data.Content.ContentKind.Video))
            throw RequestValidationException.Field("cover", fields.Kind == Data.Content.ContentKind.Video ? Refusals.VideoCover() : Refusals.ImageCover());
    }

    /// <summary>
    /// Refuses to publish while a library picture the item shows has no alt text: the cover needs it in the library,
    /// a body image in its Markdown (<c>![text](/media/12)</c>) or in the library. Images from outside addresses
    /// are the author's own markup and are not checked here.
    /// </summary>
    public async Task EnsureAltTextAsync(ContentFields fields, string html, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var ids = MediaReferences.All(fields.Cover, html).Select(r => r.Id).Distinct().ToList();
        var alts = await db.MediaAssets.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Alt, m.OriginalName }).ToDictionaryAsync(m => m.Id, cancellationToken);
        var missing = new List<string>();
        if (MediaReferences.IdOf(fields.Cover) is { } cover && alts.TryGetValue(cover, out var c) && string.IsNullOrWhiteSpace(c.Alt))
            missing.Add($"封面 {c.OriginalName}");

        using var document = new HtmlParser().ParseDocument(html);
        foreach (var img in document.Images)
        {
            if (!string.IsNullOrWhiteSpace(img.AlternativeText))
                continue;
            if (MediaReferences.IdOf(img.GetAttribute("src")) is { } id && alts.TryGetValue(id, out var fromLibrary)
                && string.IsNullOrWhiteSpace(fromLibrary.Alt))
                missing.Add(fromLibrary.OriginalName);
        }

        if (missing.Count > 0)
            throw new WorkflowException(StatusCodes.Status422UnprocessableEntity,
                Refusals.MissingAlt(missing),
                new Dictionary<string, object?> { ["missingAlt"] = missing });
    }
}
