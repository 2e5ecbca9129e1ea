namespace PatentWeek.Cms.Data.Campaign;

/// <summary>
/// One piece of paperwork an edition asks of the cities (the notice's 材料报送): when it opens, the day it is due
/// (until the end of that day, Beijing time, plus <see cref="GraceMinutes"/>), the title each city's copy carries,
/// and which cities owe it.
/// </summary>
public class CampaignTask
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public SubmissionKind Kind { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly DueOn { get; set; }

    /// <summary>Minutes after the end of the due day that still count as on time (0 by default: the notice gives none).</summary>
    public int GraceMinutes { get; set; }

    /// <summary>The title with <c>{edition}</c> (十三) and <c>{city}</c> (武汉市) in it, e.g. 第{edition}届中国专利周{city}活动方案.</summary>
    public required string TitlePattern { get; set; }

    /// <summary>The codes of the cities that owe it, in the cities' order; all of them unless an administrator narrowed it.</summary>
    public List<string> CityCodes { get; set; } = [];

    public List<DeadlineExtension> Extensions { get; set; } = [];
}

/// <summary>A later due day for one city, granted by the office with its reason (and audited).</summary>
public class DeadlineExtension
{
    public int Id { get; set; }
    public int CampaignTaskId { get; set; }
    public required string CityCode { get; set; }
    public DateOnly DueOn { get; set; }
    public required string Reason { get; set; }
    public required string GrantedBy { get; set; }
    public DateTime GrantedAt { get; set; }
}
