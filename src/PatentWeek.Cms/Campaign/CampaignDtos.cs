using PatentWeek.Cms.Campaign.Forms;
using PatentWeek.Cms.Delivery;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Campaign;

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
    bool Public,
    int MinimumEvents,
    TForm Fields,
    IReadOnlyList<string> Next,
    IReadOnlyList<SubmissionVersionDto> History);

/// <summary>A save: the version edited (none for the first save) and the whole form.</summary>
public sealed record SubmissionWriteRequest<TForm>(int? Version, TForm? Fields);

/// <summary>A later due day for one city, and why.</summary>
public sealed record ExtensionRequest(DateOnly? DueOn, string? Reason);

/// <summary>A city's extension as granted: its due day and due time, the reason, by whom and when.</summary>
public sealed record ExtensionDto(string City, DateOnly DueOn, DateTimeOffset DueAt, string Reason, string GrantedBy, DateTimeOffset GrantedAt);

/// <summary>Whether an accepted report's highlights are shown on the city's public page.</summary>
public sealed record PublicRequest(bool? Public);

/// <summary>The event item a planned event became.</summary>
public sealed record EventItemDto(int Item);

/// <summary>A return: what the city is to fix.</summary>
public sealed record ReturnRequest(string? Comment);

public sealed record ComplianceSubmissionDto(string Status, DateTimeOffset DueAt, DateTimeOffset? SubmittedAt, DateTimeOffset? FirstSubmittedAt, bool Late, bool Overdue)
{
    public static ComplianceSubmissionDto? From(SlotState? state) => state is null ? null : new(
        SubmissionLifecycle.Name(state.Status), BeijingTime.ToBeijing(state.DueAt), BeijingTime.ToBeijing(state.SubmittedAt),
        BeijingTime.ToBeijing(state.FirstSubmittedAt), state.Late, state.Overdue);
}

public sealed record EventsDto(int Held, int Planned, int Required);

public sealed record StoriesDto(int Published);

/// <summary>One city's row: its plan and report (null when the city does not owe it), events, stories, the report's figures and what it still owes.</summary>
public sealed record ComplianceRowDto(
    CityRefDto City, ComplianceSubmissionDto? Plan, EventsDto Events, StoriesDto Stories, ComplianceSubmissionDto? Report,
    IReadOnlyDictionary<string, decimal?> Metrics, IReadOnlyList<string> Owes);

public sealed record MetricDto(string Key, string Label, string Unit, int Decimals, bool OnDashboard, string? Prefill = null);

/// <summary>An edition's metrics, in their order.</summary>
public sealed record MetricsDto(IReadOnlyList<MetricDto> Items)
{
    public static MetricsDto From(IEnumerable<CampaignMetric> metrics) =>
        new([.. metrics.OrderBy(m => m.SortOrder).Select(m => new MetricDto(m.Key, m.Label, m.Unit, m.Decimals, m.OnDashboard, m.Prefill))]);
}

public sealed record ComplianceDto(int Edition, IReadOnlyList<MetricDto> Metrics, IReadOnlyList<ComplianceRowDto> Items, ComplianceTotalsDto Totals)
{
    public static ComplianceDto From(Compliance compliance)
    {
        ArgumentNullException.ThrowIfNull(compliance);
        var rows = compliance.Rows.Select(r => new ComplianceRowDto(
            new CityRefDto(r.City.Code, r.City.Name), ComplianceSubmissionDto.From(r.Plan), new EventsDto(r.EventsHeld, r.EventsPlanned, r.EventsRequired),
            new StoriesDto(r.StoriesPublished), ComplianceSubmissionDto.From(r.Report), r.Metrics, r.Owes)).ToList();
        return new ComplianceDto(compliance.Edition.Number,
            [.. compliance.Metrics.Select(m => new MetricDto(m.Key, m.Label, m.Unit, m.Decimals, m.OnDashboard))], rows,
            ComplianceTotalsDto.Of(compliance));
    }
}

/// <summary>The province's totals: plans and reports in (and late), events held and required, stories, and each metric's sum.</summary>
public sealed record ComplianceTotalsDto(int PlansIn, int PlansLate, int ReportsIn, int ReportsLate, int EventsHeld, int EventsRequired, int StoriesPublished, IReadOnlyDictionary<string, decimal> Metrics)
{
    public static ComplianceTotalsDto Of(Compliance compliance)
    {
        ArgumentNullException.ThrowIfNull(compliance);
        var rows = compliance.Rows;
        static bool In(SlotState? s) => s is { Status: SubmissionStatus.Submitted or SubmissionStatus.Accepted };
        return new(rows.Count(r => In(r.Plan)), rows.Count(r => r.Plan?.Late == true), rows.Count(r => In(r.Report)), rows.Count(r => r.Report?.Late == true),
            rows.Sum(r => r.EventsHeld), rows.Sum(r => r.EventsRequired), rows.Sum(r => r.StoriesPublished),
            compliance.Metrics.ToDictionary(m => m.Key, m => rows.Sum(r => r.Metrics.GetValueOrDefault(m.Key) ?? 0m)));
    }
}

/// <summary>A reminder now: to these cities, or to every city that owes something when none are named.</summary>
public sealed record RemindRequest(IReadOnlyList<string>? Cities);

/// <summary>The cities the reminder reached.</summary>
public sealed record RemindedDto(IReadOnlyList<string> Cities);
