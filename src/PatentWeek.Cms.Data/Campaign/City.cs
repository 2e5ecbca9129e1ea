namespace PatentWeek.Cms.Data.Campaign;

/// <summary>One of the province's 市州, keyed by its GB/T 2260 code.</summary>
public class City
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public CityKind Kind { get; set; }

    /// <summary>Themed events the city must hold (2 for 强市创建市 / 重点城市, else 1): an administrator's setting.</summary>
    public int MinimumEvents { get; set; } = 1;
    public int SortOrder { get; set; }
}
