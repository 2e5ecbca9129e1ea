using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Campaign;

/// <summary>
/// Who may do what with a city's plan or report. Reading is <see cref="CityRules"/>' (a city its own, the office all;
/// another city's is answered as missing); writing and submitting are the city's own contributors' only, since the plan is
/// the city's word; returning and accepting are the office's reviewers', editors' and administrators'.
/// </summary>
public static class SubmissionPermissions
{
    public static void EnsureCanRead(Actor actor, ICityOwned owner)
    {
        if (!CityRules.CanRead(actor, owner))
            throw WorkflowException.NotFound();
    }

    public static bool CanWrite(Actor actor, ICityOwned owner) => actor.IsCityBound && CityRules.Allows(actor, Operations.Submit, owner);

    public static bool CanReview(Actor actor, ICityOwned owner) => !actor.IsCityBound && CityRules.Allows(actor, Operations.Review, owner);

    public static void EnsureCanWrite(Actor actor, ICityOwned owner)
    {
        EnsureCanRead(actor, owner);
        if (!CanWrite(actor, owner))
            throw WorkflowException.Forbidden(CampaignRefusals.CitiesWriteOnly());
    }

    public static void EnsureCanReview(Actor actor, ICityOwned owner)
    {
        EnsureCanRead(actor, owner);
        if (!CanReview(actor, owner))
            throw WorkflowException.Forbidden(Refusals.ReviewersOnly());
    }
}
