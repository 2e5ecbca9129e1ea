using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Content;

/// <summary>
/// Renders again, once, the stored HTML of every item made by an older <see cref="MarkdownRenderer.Version"/>,
/// working copy included. It runs while the host starts, before the server answers, so no page or cache ever
/// holds the old HTML. It is not an edit: no revision, no version bump, the update time stays.
/// </summary>
public sealed partial class ContentRerenderer(IServiceScopeFactory scopes, MarkdownRenderer markdown, ILogger<ContentRerenderer> logger) : IHostedService
{
    private const int BatchSize = 100;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var count = await RerenderAsync(cancellationToken);
            if (count > 0)
                LogRerendered(logger, count, MarkdownRenderer.Version);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or DbException)
        {
            // A later start tries again; the old HTML is still safe to serve.
            LogFailed(logger, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Returns how many items were rendered again.</summary>
    public async Task<int> RerenderAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        if (!await db.Database.CanConnectAsync(cancellationToken) || (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            return 0;

        var total = 0;
        var after = 0;
        while (true)
        {
            var items = await db.ContentItems
                .Where(i => i.HtmlRendererVersion < MarkdownRenderer.Version && i.Id > after)
                .OrderBy(i => i.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (items.Count == 0)
                return total;
            foreach (var item in items)
                Rerender(item);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            after = items[^1].Id;
            total += items.Count;
        }
    }

    private void Rerender(ContentItem item)
    {
        item.Html = markdown.ToHtml(item.Body);
        if (WorkingCopy.Of(item) is { } copy)
            item.WorkingCopy = (copy with { Html = markdown.ToHtml(copy.Fields.Body) }).ToJson();
        item.HtmlRendererVersion = MarkdownRenderer.Version;
    }

    [LoggerMessage(LogLevel.Information, "Rendered the HTML of {Count} items again with Markdown renderer version {Version}")]
    private static partial void LogRerendered(ILogger logger, int count, int version);

    [LoggerMessage(LogLevel.Warning, "Rendering stored items again failed; the next start retries")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
