using PatentWeek.Cms.Accounts;

namespace PatentWeek.Cms.Content;

/// <summary>The items an actor may see at all: a city contributor sees their city's only.</summary>
public static class ContentScope
{
    public static IQueryable<PatentWeek.Cms.Data.Content.ContentItem> VisibleTo(this IQueryable<PatentWeek.Cms.Data.Content.ContentItem> items, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsCityBound)
            return items;
        var city = actor.CityCode;
        return city is null ? items.Where(_ => false) : items.Where(i => i.CityCode == city);
    }
}
