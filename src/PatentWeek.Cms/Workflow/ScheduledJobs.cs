using System.Text.Json;
using PatentWeek.Cms.Outbox;

namespace PatentWeek.Cms.Workflow;

internal sealed class ScheduledPublishHandler(WorkflowService workflow) : IOutboxHandler
{
    public string Type => WorkflowService.PublishJob;

    public async Task<OutboxResult> HandleAsync(string payload, CancellationToken cancellationToken)
    {
        await workflow.RunScheduledPublishAsync(JsonSerializer.Deserialize<ScheduledJob>(payload)!, cancellationToken);
        return OutboxResult.Done;
    }
}

internal sealed class ScheduledUnpublishHandler(WorkflowService workflow) : IOutboxHandler
{
    public string Type => WorkflowService.UnpublishJob;

    public async Task<OutboxResult> HandleAsync(string payload, CancellationToken cancellationToken)
    {
        await workflow.RunScheduledUnpublishAsync(JsonSerializer.Deserialize<ScheduledJob>(payload)!, cancellationToken);
        return OutboxResult.Done;
    }
}
