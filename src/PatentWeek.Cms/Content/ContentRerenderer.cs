using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Outbox;

namespace PatentWeek.Cms.Content;

/// <summary>
/// Renders again, once, the stored HTML of every item made by an older <see cref="MarkdownRenderer.Version"/>,
/// working copy included. It is not an edit: no revision, no version bump, the update time stays.
/// It runs in the background once the server has started: the old HTML is safe to serve meanwhile, and a large
/// database must not keep the server silent. Each item is saved on its own, so one item cannot undo or stop the
/// others: an item an editor saved meanwhile (a concurrency conflict) was rendered by that save and is skipped;
/// an item that fails (a working copy that is not valid JSON, say) is logged, left as it was, and tried again at
/// the next start. A live item's save raises <see cref="ContentChanged"/>, so its cached pages are rebuilt. Every
/// instance must run the new build: an old one would store old HTML under the old version.
/// </summary>
public sealed partial class ContentRerenderer(
    IServiceScopeFactory scopes, MarkdownRenderer markdown, IHostApplicationLifetime lifetime,
    ILogger<ContentRerenderer> logger) : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await StartedAsync(stoppingToken))
            return;
        try
        {
            var count = await RerenderAsync(stoppingToken);
            if (count == 0)
                return;
            LogRerendered(logger, count, MarkdownRenderer.Version);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is left is done at the next start.
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            // The database is unreachable: a later start tries again; the old HTML is still safe to serve.
            LogFailed(logger, e);
        }
    }

    /// <summary>Waits until the host has started (the server answers); false when it stops first.</summary>
    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Returns how many items were rendered again.</summary>
    public async Task<int> RerenderAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var events = scope.ServiceProvider.GetRequiredService<DomainEvents>();
        if (!await db.Database.CanConnectAsync(cancellationToken) || (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            return 0;

        var total = 0;
        var after = 0;
        while (true)
        {
            var items = await db.ContentItems.Include(i => i.Tags)
                .Where(i => i.HtmlRendererVersion < MarkdownRenderer.Version && i.Id > after)
                .OrderBy(i => i.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (items.Count == 0)
                return total;
            foreach (var item in items)
            {
                if (await TrySaveAsync(db, events, item, cancellationToken))
                    total++;
            }

            db.ChangeTracker.Clear();
            after = items[^1].Id;
        }
    }

    private async Task<bool> TrySaveAsync(CmsDbContext db, DomainEvents events, ContentItem item, CancellationToken cancellationToken)
    {
        try
        {
            Rerender(item);
            // Cached pages of a live item hold the old HTML.
            if (item.State == ContentState.Published && item.DeletedAt is null)
                events.Raise(new ContentChanged(item.Id, ContentPlaces.Of(item)));
            await db.SaveChangesAsync(cancellationToken);
            await events.RunSavedAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved by an editor since it was read: that save rendered it and recorded the new version.
            LogSkippedConflict(logger, item.Id);
        }
        catch (Exception e) when (e is not OperationCanceledException and not DbException and not TimeoutException)
        {
            // One bad row (unreadable working copy JSON, a failing render) must not stop the others; it keeps its
            // old HTML and the next start tries it again. A database failure ends the whole pass instead.
            LogItemFailed(logger, item.Id, e);
        }

        // Nothing of this item, its event included, may ride along with the next item's save.
        db.Entry(item).State = EntityState.Detached;
        events.DropUnsaved();
        return false;
    }

    private void Rerender(ContentItem item)
    {
        // Everything is rendered before anything is assigned: a failure leaves the item untouched.
        var html = markdown.ToHtml(item.Body);
        var copy = WorkingCopy.Of(item) is { } current ? (current with { Html = markdown.ToHtml(current.Fields.Body) }).ToJson() : null;
        item.Html = html;
        if (copy is not null)
            item.WorkingCopy = copy;
        item.HtmlRendererVersion = MarkdownRenderer.Version;
    }

    [LoggerMessage(LogLevel.Information, "Rendered the HTML of {Count} items again with Markdown renderer version {Version}")]
    private static partial void LogRerendered(ILogger logger, int count, int version);

    [LoggerMessage(LogLevel.Information, "Item {Id} was saved by an editor while it was rendered again; that save rendered it")]
    private static partial void LogSkippedConflict(ILogger logger, int id);

    [LoggerMessage(LogLevel.Warning, "Rendering item {Id} again failed; it keeps its old HTML and the next start retries")]
    private static partial void LogItemFailed(ILogger logger, int id, Exception e);

    [LoggerMessage(LogLevel.Warning, "Rendering stored items again failed; the next start retries")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
