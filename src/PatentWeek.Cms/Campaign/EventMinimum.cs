using PatentWeek.Cms.Data.Campaign;

namespace PatentWeek.Cms.Campaign;

/// <summary>
/// How many themed events a city must hold in an edition (notice, part 五): at least two for a 知识产权强市创建市 or a
/// 运营服务体系重点城市, at least one for the others; an administrator's own figure for the edition overrides both.
/// </summary>
public static class EventMinimum
{
    public const int ForCategory = 2;
    public const int Otherwise = 1;

    public static int Of(City city, int? overridden)
    {
        ArgumentNullException.ThrowIfNull(city);
        return overridden ?? ByCategory(city);
    }

    public static int ByCategory(City city)
    {
        ArgumentNullException.ThrowIfNull(city);
        return city.StrongCity || city.OperationsHub ? ForCategory : Otherwise;
    }
}
