namespace PatentWeek.Cms.Data.Campaign;

/// <summary>
/// A figure each city's summary report gives for an edition (活动场次, 专利交易金额…), defined by an administrator. Amounts
/// carry two decimals (万元); counts none.
/// </summary>
public class CampaignMetric
{
    public int Id { get; set; }
    public int EditionId { get; set; }

    /// <summary>Stable key in reports, exports and the API, e.g. <c>transaction-amount</c>.</summary>
    public required string Key { get; set; }
    public required string Label { get; set; }

    /// <summary>场, 人次, 篇, 次, 件, 笔, 万元.</summary>
    public required string Unit { get; set; }

    /// <summary>0 for a count, 2 for an amount in 万元.</summary>
    public int Decimals { get; set; }

    /// <summary>What the system computes for it from its own data, shown beside the city's figure (<c>events-held</c>), or none.</summary>
    public string? Prefill { get; set; }

    /// <summary>Shown as a column of the compliance dashboard.</summary>
    public bool OnDashboard { get; set; }
    public int SortOrder { get; set; }
}
