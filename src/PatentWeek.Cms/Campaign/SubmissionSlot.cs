using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Campaign;

namespace PatentWeek.Cms.Campaign;

/// <summary>
/// A city's place for one task of an edition, filled or not: the task, the city and its submission (null while missing).
/// What is computed of it (status, due time, lateness, title) is computed here, from the one rule of each.
/// </summary>
public sealed record SubmissionSlot(Edition Edition, CampaignTask Task, City City, CitySubmission? Submission) : ICityOwned
{
    string? ICityOwned.CityCode => City.Code;

    public SubmissionKind Kind => Task.Kind;
    public SubmissionStatus Status => SubmissionLifecycle.StatusOf(Submission);
    public DateTime DueAt => Deadlines.DueAt(Task, City.Code);
    public bool Late => Deadlines.IsLate(Submission?.FirstSubmittedAt, DueAt);
    public string Title => TitlePatterns.Fill(Task.TitlePattern, Edition.Number, City.Name);

    /// <summary>The admin page of this slot, where notifications lead.</summary>
    public string Link => $"/admin/campaign/{Edition.Number}/{SubmissionLifecycle.Name(Kind)}/{City.Code}";
}
