using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Campaign;

/// <summary>Where a city's plan or report stands, as the API and the dashboard name it: <c>missing</c> until its first save.</summary>
public enum SubmissionStatus
{
    Missing,
    Draft,
    Submitted,
    Returned,
    Accepted,
}

/// <summary>The steps of a plan's or a report's life.</summary>
public enum SubmissionStep
{
    Save,
    Submit,
    Return,
    Accept,
}

/// <summary>Nothing beyond the state decides a step: lateness flags a submission, it never refuses one.</summary>
public readonly record struct SubmissionContext;

/// <summary>
/// The life of a city's plan or report, decided here only, on the same state machine as content: missing → draft →
/// submitted → returned (with the office's comment) → submitted → accepted. A city edits a draft and a returned one; what
/// is submitted waits for the office, what is accepted is final. Who may take a step is <see cref="SubmissionPermissions"/>'.
/// </summary>
public static class SubmissionLifecycle
{
    public static readonly StateMachine<SubmissionStatus, SubmissionStep, SubmissionContext> Machine =
        new StateMachineBuilder<SubmissionStatus, SubmissionStep, SubmissionContext>()
            .Step(SubmissionStep.Save, s => CampaignRefusals.SaveWhileSubmitted(Name(s)))
            .Permit(SubmissionStep.Save, SubmissionStatus.Missing, SubmissionStatus.Draft)
            .Permit(SubmissionStep.Save, SubmissionStatus.Draft, SubmissionStatus.Draft)
            .Permit(SubmissionStep.Save, SubmissionStatus.Returned, SubmissionStatus.Returned)
            .Step(SubmissionStep.Submit, s => CampaignRefusals.SubmitNotEditable(Name(s)))
            .Permit(SubmissionStep.Submit, SubmissionStatus.Missing, SubmissionStatus.Submitted)
            .Permit(SubmissionStep.Submit, SubmissionStatus.Draft, SubmissionStatus.Submitted)
            .Permit(SubmissionStep.Submit, SubmissionStatus.Returned, SubmissionStatus.Submitted)
            .Step(SubmissionStep.Return, s => CampaignRefusals.ReviewSubmittedOnly(Name(s)))
            .Permit(SubmissionStep.Return, SubmissionStatus.Submitted, SubmissionStatus.Returned)
            .Step(SubmissionStep.Accept, s => CampaignRefusals.ReviewSubmittedOnly(Name(s)))
            .Permit(SubmissionStep.Accept, SubmissionStatus.Submitted, SubmissionStatus.Accepted)
            .Build();

    public static SubmissionStatus StatusOf(CitySubmission? submission) => submission is null ? SubmissionStatus.Missing : StatusOf(submission.State);

    public static SubmissionStatus StatusOf(SubmissionState state) => state switch
    {
        SubmissionState.Draft => SubmissionStatus.Draft,
        SubmissionState.Submitted => SubmissionStatus.Submitted,
        SubmissionState.Returned => SubmissionStatus.Returned,
        _ => SubmissionStatus.Accepted,
    };

    public static SubmissionState Stored(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Draft => SubmissionState.Draft,
        SubmissionStatus.Submitted => SubmissionState.Submitted,
        SubmissionStatus.Returned => SubmissionState.Returned,
        SubmissionStatus.Accepted => SubmissionState.Accepted,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Missing is the absence of a row."),
    };

    /// <summary>The move the step makes from the submission's status, or a 409 with the step's refusal.</summary>
    public static SubmissionStatus Fire(CitySubmission? submission, SubmissionStep step) => Machine.Fire(StatusOf(submission), step, default);

    public static IReadOnlyList<SubmissionStep> Next(CitySubmission? submission) => Machine.Next(StatusOf(submission), default);

    public static string Name(SubmissionStatus status) => status.ToString().ToLowerInvariant();

    public static string Name(SubmissionKind kind) => kind == SubmissionKind.Plan ? "plan" : "report";

    public static string Label(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Missing => "未报送",
        SubmissionStatus.Draft => "草稿",
        SubmissionStatus.Submitted => "已提交",
        SubmissionStatus.Returned => "已退回",
        _ => "已通过",
    };

    public static string Label(SubmissionKind kind) => kind == SubmissionKind.Plan ? "活动方案" : "总结报告";
}
