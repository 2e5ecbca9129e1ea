using PatentWeek.Cms.Data.Campaign;

namespace PatentWeek.Cms.Campaign.Forms;

/// <summary>A kind's form (<see cref="PlanForm"/>, <see cref="ReportForm"/>): what it checks, and the files it names.</summary>
public interface ISubmissionForm<TSelf>
    where TSelf : ISubmissionForm<TSelf>, new()
{
    static abstract SubmissionKind Kind { get; }

    /// <summary>The form cleaned (trimmed, de-duplicated), every problem recorded in <paramref name="check"/>.</summary>
    TSelf Check(FormContext context, string city, FormCheck check);

    /// <summary>The media ids the form attaches, to be looked up before the check.</summary>
    IEnumerable<int> Files { get; }
}
