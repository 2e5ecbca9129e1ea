using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data.Media;

namespace PatentWeek.Cms.Media;

/// <summary>
/// Which media an actor may see in the library: a city contributor sees their own city's uploads, the office
/// sees all (<see cref="CityRules.Readable"/>). (Images and videos are public files anyway; this guards documents
/// and the library itself.) One item's edit, delete and download are asked of the authorization handler.
/// </summary>
public static class MediaScope
{
    public static IQueryable<MediaAsset> VisibleTo(this IQueryable<MediaAsset> media, Actor actor) => CityRules.Readable(media, actor);
}
