using PatentWeek.Cms.Accounts;

namespace PatentWeek.Cms.Content;

/// <summary>The items an actor may see at all: a city contributor sees their city's only (<see cref="CityRules.Readable"/>).</summary>
public static class ContentScope
{
    public static IQueryable<PatentWeek.Cms.Data.Content.ContentItem> VisibleTo(this IQueryable<PatentWeek.Cms.Data.Content.ContentItem> items, Actor actor) =>
        CityRules.Readable(items, actor);
}
