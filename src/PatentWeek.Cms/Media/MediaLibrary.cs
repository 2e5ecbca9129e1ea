using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Media;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Workflow;
using PatentWeek.Cms.Outbox;

namespace PatentWeek.Cms.Media;

/// <summary>The media library's operations, shared by the management API and the admin pages; city scoping included.</summary>
public sealed class MediaLibrary(
    CmsDbContext db, OutboxWriter outbox, AuditLog audit, IMediaStore store, TimeProvider time, DomainEvents events, ResourceAuthorization access)
{
    public const int PageSize = 48;
    private const string EditRefusal = "Only editors, or the city that uploaded it, may change this media item.";
    private const string DeleteRefusal = "Only editors, or the city that uploaded it, may delete this media item.";

    /// <summary>Past this, (page - 1) × size would overflow an int offset.</summary>
    public const int MaxPage = 100_000;

    /// <summary>The media item, or null when there is none or the actor may not see it (another city's).</summary>
    public async Task<MediaAsset?> FindAsync(Actor actor, int id, CancellationToken cancellationToken) =>
        await db.MediaAssets.FirstOrDefaultAsync(m => m.Id == id, cancellationToken) is { } asset
            && await access.CheckAsync(actor, asset, Operations.Read) == Access.Allowed
            ? asset
            : null;

    public async Task<MediaAsset> GetAsync(Actor actor, int id, CancellationToken cancellationToken) =>
        await FindAsync(actor, id, cancellationToken) ?? throw NotFound();

    /// <summary>The media item for <paramref name="operation"/>: 404 when the actor may not see it, 403 with <paramref name="refusal"/> when they may not do that.</summary>
    public async Task<MediaAsset> GetForAsync(Actor actor, int id, OperationAuthorizationRequirement operation, string refusal, CancellationToken cancellationToken)
    {
        var asset = await db.MediaAssets.FirstOrDefaultAsync(m => m.Id == id, cancellationToken) ?? throw NotFound();
        return await access.CheckAsync(actor, asset, operation) switch
        {
            Access.Allowed => asset,
            Access.Refused => throw new MediaRejectedException(refusal, StatusCodes.Status403Forbidden),
            _ => throw NotFound(),
        };
    }

    /// <summary>Which of the operations the actor may take on the item: the admin shows its buttons by this.</summary>
    public Task<IReadOnlySet<string>> AllowedAsync(Actor actor, MediaAsset asset, params OperationAuthorizationRequirement[] operations) =>
        access.AllowedAsync(actor, asset, operations);

    public async Task<MediaDto> DtoAsync(Actor actor, MediaAsset asset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return MediaDto.From(asset, await UsesAsync(actor, asset.Id, cancellationToken));
    }

    /// <summary>
    /// Where the media is shown: items (cover or body) and videos that use it as their poster. Items the actor
    /// may not see (another city's drafts) are counted, not named.
    /// </summary>
    public async Task<List<MediaUseDto>> UsesAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var visible = db.ContentItems.VisibleTo(actor).Select(i => i.Id);
        var items = await db.MediaUsages.AsNoTracking().Where(u => u.MediaAssetId == id)
            .Join(db.ContentItems, u => u.ContentItemId, i => i.Id, (u, i) => new { i.Id, i.Title, u.Field, Visible = visible.Contains(i.Id) })
            .Select(u => u.Visible ? new MediaUseDto(u.Id, u.Title, u.Field) : new MediaUseDto(0, "其他市州的内容", u.Field))
            .ToListAsync(cancellationToken);
        // A video uses its poster and its captions file (SQLite holds no foreign key for the captions: this is the guard).
        var videos = await db.MediaAssets.AsNoTracking().Where(m => m.PosterId == id || m.CaptionsId == id)
            .Select(m => new MediaUseDto(m.Id, m.Title ?? m.OriginalName, m.PosterId == id ? "poster" : "captions")).ToListAsync(cancellationToken);
        return [.. items.OrderBy(u => u.Id), .. videos];
    }

    public async Task<(List<MediaAsset> Items, int Total)> ListAsync(
        Actor actor, MediaKind? kind, string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.MediaAssets.AsNoTracking().VisibleTo(actor);
        if (kind is { } k)
            query = query.Where(m => m.Kind == k);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            query = query.Where(m => m.OriginalName.Contains(text) || (m.Title != null && m.Title.Contains(text)) || (m.Alt != null && m.Alt.Contains(text)));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((Math.Clamp(page, 1, MaxPage) - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>Changes metadata; a new focal point or poster queues a new rendered set (the old one serves meanwhile).</summary>
    public async Task<MediaAsset> UpdateAsync(Actor actor, int id, MediaUpdateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asset = await GetForAsync(actor, id, Operations.Edit, EditRefusal, cancellationToken);
        if (request.Version is { } version && version != asset.Version)
            throw new MediaRejectedException("Someone else changed this media item meanwhile; reload it and try again.", StatusCodes.Status409Conflict);
        ControlCharacters.Ensure("alt", request.Alt);
        ControlCharacters.Ensure("title", request.Title);
        if (request.Alt is { Length: > 300 } || request.Title is { Length: > 200 })
            throw new MediaRejectedException("Alt text may have at most 300 characters and a title at most 200.");

        var rerender = false;
        if (request.FocalX is not null || request.FocalY is not null)
        {
            var x = request.FocalX ?? asset.FocalX;
            var y = request.FocalY ?? asset.FocalY;
            if (!double.IsFinite(x) || !double.IsFinite(y) || x is < 0 or > 1 || y is < 0 or > 1)
                throw new MediaRejectedException("The focal point is given as x and y between 0 and 1, from the top-left corner.");
            if (asset.Kind == MediaKind.Document)
                throw new MediaRejectedException("Documents have no focal point.");
            x = Math.Round(x, 4);
            y = Math.Round(y, 4);
            rerender |= x != asset.FocalX || y != asset.FocalY;
            (asset.FocalX, asset.FocalY) = (x, y);
        }

        if (request.PosterId is { } posterId && posterId != asset.PosterId)
        {
            if (asset.Kind != MediaKind.Video)
                throw new MediaRejectedException("Only videos have a poster.");
            var poster = await FindAsync(actor, posterId, cancellationToken);
            if (poster is not { Kind: MediaKind.Image })
                throw new MediaRejectedException($"There is no image {posterId} in your library to use as the poster.");
            asset.PosterId = posterId;
            rerender = true;
        }

        if (request.Alt is not null)
            asset.Alt = request.Alt.Trim() is { Length: > 0 } alt ? alt : null;
        if (request.Title is not null)
            asset.Title = request.Title.Trim() is { Length: > 0 } title ? title : null;
        asset.UpdatedAt = time.GetUtcNow().UtcDateTime;
        asset.Version++;
        if (rerender)
        {
            asset.RenditionVersion++;
            outbox.Enqueue(RenderMediaHandler.JobType, new RenderMediaJob(asset.Id));
        }

        audit.Record(actor, AuditAction.MediaUpdate, $"media/{asset.Id}", rerender ? $"焦点 {asset.FocalX},{asset.FocalY}" : null);
        // Alt text is part of published pages.
        events.Raise(new MediaChanged(asset.Id));
        await SaveAsync(cancellationToken);
        await events.RunSavedAsync();
        return asset;
    }

    /// <summary>Deletes media nobody uses; the files go too when no other upload has the same bytes.</summary>
    public async Task DeleteAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var asset = await GetForAsync(actor, id, Operations.Delete, DeleteRefusal, cancellationToken);
        var uses = await UsesAsync(actor, id, cancellationToken);
        if (uses.Count > 0)
            throw new MediaRejectedException(
                $"It is still used by {string.Join("、", uses.Select(u => $"《{u.Title}》"))}; remove it there first.", StatusCodes.Status409Conflict);

        db.MediaAssets.Remove(asset);
        audit.Record(actor, AuditAction.MediaDelete, $"media/{asset.Id}", asset.OriginalName);
        outbox.Enqueue(PurgeMediaHandler.JobType, new PurgeMediaJob(asset.Kind, asset.Sha256, asset.ContentType),
            time.GetUtcNow().UtcDateTime + PurgeMediaHandler.Delay);
        await SaveAsync(cancellationToken);
        // The original goes now (a private document must not outlive its deletion); renditions with the job.
        if (!await db.MediaAssets.AnyAsync(m => m.Sha256 == asset.Sha256, cancellationToken))
            store.DeleteOriginal(asset.Kind, asset.Sha256, asset.ContentType);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new MediaRejectedException("Someone else changed this media item at the same moment; reload it and try again.", StatusCodes.Status409Conflict);
        }
    }

    private static MediaRejectedException NotFound() => new("There is no such media item.", StatusCodes.Status404NotFound);
}
