using PatentWeek.Cms.Campaign;
using PatentWeek.Cms.Data.Campaign;

namespace PatentWeek.Cms.Pages.Admin.Campaign;

/// <summary>What the review partial shows: whether the office may act now, its comment so far, and the versions.</summary>
public sealed record ReviewPanel(bool CanReview, string? Comment, IReadOnlyList<(SubmissionVersion Version, IReadOnlyList<FieldChange> Changes)> History, bool CanExtend = false, DateOnly? ExtendTo = null, string? ExtendReason = null, IReadOnlyList<CampaignMetric>? Metrics = null)
{
    public string Key => "Comment";
    public string ExtendToKey => "ExtendTo";
    public string ExtendReasonKey => "ExtendReason";

    public static string StepLabel(string step) => step switch
    {
        "save" => "保存",
        "link" => "生成活动条目",
        "submit" => "提交",
        "return" => "退回",
        "accept" => "通过",
        _ => step,
    };
}
