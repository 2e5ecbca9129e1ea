using PatentWeek.Cms.Campaign.Forms;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Campaign;

public sealed record CityRefDto(string Code, string Name);

/// <summary>A task of an edition: <c>plan</c> or <c>report</c>, its dates (Beijing time) and who owes it.</summary>
public sealed record CampaignTaskDto(string Kind, DateTimeOffset OpensAt, DateTimeOffset DueAt, int GraceMinutes, string TitlePattern, IReadOnlyList<string> Cities)
{
    public static CampaignTaskDto From(CampaignTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        // The task's own due time: 23:59:59.9999999 of its day in Beijing plus the grace (a city's extension is on its plan or report).
        return new(SubmissionLifecycle.Name(task.Kind), BeijingTime.ToBeijing(Deadlines.OpensAt(task)),
            BeijingTime.ToBeijing(Deadlines.DueAt(task, "")), task.GraceMinutes, task.TitlePattern, task.CityCodes);
    }
}

public sealed record CampaignTasksDto(IReadOnlyList<CampaignTaskDto> Items);

/// <summary>One version of a plan or report: the step that made it, who took it, the comment, and what changed.</summary>
public sealed record SubmissionVersionDto(int Number, string Step, string Status, DateTimeOffset At, string By, string? Comment, IReadOnlyList<FieldChange> Changes);

/// <summary>A city's plan or report as its city and the office see it; <c>status</c> is <c>missing</c> until the first save.</summary>
public sealed record SubmissionDto<TForm>(
    int Edition,
    string Kind,
    CityRefDto City,
    string Title,
    string Status,
    int Version,
    DateTimeOffset OpensAt,
    DateTimeOffset DueAt,
    bool Late,
    bool Overdue,
    DateTimeOffset? FirstSubmittedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? ReturnedAt,
    DateTimeOffset? AcceptedAt,
    string? Comment,
    int MinimumEvents,
    TForm Fields,
    IReadOnlyList<string> Next,
    IReadOnlyList<SubmissionVersionDto> History);

/// <summary>A save: the version edited (none for the first save) and the whole form.</summary>
public sealed record SubmissionWriteRequest<TForm>(int? Version, TForm? Fields);

/// <summary>A return: what the city is to fix.</summary>
public sealed record ReturnRequest(string? Comment);
