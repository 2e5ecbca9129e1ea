using PatentWeek.Cms.Campaign;
using PatentWeek.Cms.Data.Campaign;

namespace PatentWeek.Cms.Pages.Admin.Campaign;

/// <summary>One city's plan or report in the dashboard: its state as text and icon, its dates, and the link to it.</summary>
public sealed record SlotCell(int Edition, SubmissionKind Kind, string City, SlotState? State)
{
    public string Link => $"/admin/campaign/{Edition}/{SubmissionLifecycle.Name(Kind)}/{City}";
}
