using System.Text.Json;
using PatentWeek.Cms.Outbox;

namespace PatentWeek.Cms.Workflow;

internal sealed class ScheduledPublishHandler(WorkflowService workflow) : IOutboxHandler
{
    public string Type => WorkflowService.PublishJob;

    public Task HandleAsync(string payload, CancellationToken cancellationToken) =>
        workflow.RunScheduledPublishAsync(JsonSerializer.Deserialize<ScheduledJob>(payload)!, cancellationToken);
}

internal sealed class ScheduledUnpublishHandler(WorkflowService workflow) : IOutboxHandler
{
    public string Type => WorkflowService.UnpublishJob;

    public Task HandleAsync(string payload, CancellationToken cancellationToken) =>
        workflow.RunScheduledUnpublishAsync(JsonSerializer.Deserialize<ScheduledJob>(payload)!, cancellationToken);
}
