namespace PatentWeek.Cms.Data.Campaign;

/// <summary>One of the province's 市州, keyed by its GB/T 2260 code.</summary>
public class City
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public CityKind Kind { get; set; }

    /// <summary>知识产权强市创建市: an administrator's marking (the notice names no city), which raises its event minimum to 2.</summary>
    public bool StrongCity { get; set; }

    /// <summary>运营服务体系重点城市: likewise an administrator's marking, likewise 2 events.</summary>
    public bool OperationsHub { get; set; }
    public int SortOrder { get; set; }
}
