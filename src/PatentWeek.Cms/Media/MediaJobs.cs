using System.Text.Json;
using PatentWeek.Cms.Outbox;

namespace PatentWeek.Cms.Media;

/// <summary>The outbox job that renders an upload's set after the upload's transaction committed.</summary>
public sealed record RenderMediaJob(int MediaId);

public sealed class RenderMediaHandler(RenditionService renditions) : IOutboxHandler
{
    public const string JobType = "media.render";

    public string Type => JobType;

    public async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var job = JsonSerializer.Deserialize<RenderMediaJob>(payload) ?? throw new InvalidOperationException("Empty render job.");
        await renditions.EnsureAsync(job.MediaId, cancellationToken);
    }
}
