namespace PatentWeek.Cms.Data.Campaign;

/// <summary>
/// An administrator's own minimum of themed events for one city in one edition, overriding the one its categories
/// give (2 for 强市创建市 or 重点城市, else 1).
/// </summary>
public class EventQuota
{
    public int EditionId { get; set; }
    public required string CityCode { get; set; }
    public int MinimumEvents { get; set; }
}
