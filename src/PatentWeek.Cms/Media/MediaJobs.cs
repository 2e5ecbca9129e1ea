using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Media;
using PatentWeek.Cms.Outbox;

namespace PatentWeek.Cms.Media;

/// <summary>The outbox job that renders an upload's set after the upload's transaction committed.</summary>
public sealed record RenderMediaJob(int MediaId);

public sealed class RenderMediaHandler(RenditionService renditions) : IOutboxHandler
{
    public const string JobType = "media.render";

    public string Type => JobType;

    public async Task<OutboxResult> HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var job = JsonSerializer.Deserialize<RenderMediaJob>(payload) ?? throw new InvalidOperationException("Empty render job.");
        await renditions.EnsureAsync(job.MediaId, cancellationToken);
        return OutboxResult.Done;
    }
}

/// <summary>Removes the rendered files of an original that no media row uses any more.</summary>
public sealed record PurgeMediaJob(MediaKind Kind, string Sha256, string ContentType);

/// <summary>
/// Runs a little after a delete, so a render of the same file still in flight has finished writing; if the same
/// bytes were uploaded again meanwhile, the files stay. A failure is retried by the outbox.
/// </summary>
public sealed class PurgeMediaHandler(CmsDbContext db, IMediaStore store) : IOutboxHandler
{
    public const string JobType = "media.purge";
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(30);

    public string Type => JobType;

    public async Task<OutboxResult> HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var job = JsonSerializer.Deserialize<PurgeMediaJob>(payload) ?? throw new InvalidOperationException("Empty purge job.");
        if (!await db.MediaAssets.AnyAsync(m => m.Sha256 == job.Sha256, cancellationToken))
            store.DeleteAll(job.Kind, job.Sha256, job.ContentType);
        return OutboxResult.Done;
    }
}
