using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;

namespace PatentWeek.Cms.Campaign;

/// <summary>Every city's event minimum in an edition, by city code, for the lists that show all cities at once.</summary>
public static class EventMinimums
{
    public static async Task<Dictionary<string, int>> OfAsync(CmsDbContext db, int? editionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var overrides = editionId is { } id
            ? await db.EventQuotas.AsNoTracking().Where(q => q.EditionId == id).ToDictionaryAsync(q => q.CityCode, q => q.MinimumEvents, cancellationToken)
            : [];
        var cities = await db.Cities.AsNoTracking().ToListAsync(cancellationToken);
        return cities.ToDictionary(c => c.Code, c => EventMinimum.Of(c, overrides.TryGetValue(c.Code, out var n) ? n : null), StringComparer.Ordinal);
    }
}
