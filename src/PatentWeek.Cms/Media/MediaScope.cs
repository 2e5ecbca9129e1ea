using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data.Media;

namespace PatentWeek.Cms.Media;

/// <summary>
/// Which media an actor may see in the library: a city contributor sees their own city's uploads, the office
/// sees all. (Images and videos are public files anyway; this guards documents and the library itself.)
/// </summary>
public static class MediaScope
{
    public static IQueryable<MediaAsset> VisibleTo(this IQueryable<MediaAsset> media, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsCityBound)
            return media;
        var city = actor.CityCode;
        return city is null ? media.Where(_ => false) : media.Where(m => m.CityCode == city);
    }

    /// <summary>Changing alt text, title, focal point or poster: the office's editors, or the city that uploaded it.</summary>
    public static bool CanEdit(Actor actor, MediaAsset asset) => CanDelete(actor, asset);

    /// <summary>Deleting: the office, or the city that uploaded it; reviewers only look.</summary>
    public static bool CanDelete(Actor actor, MediaAsset asset)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(asset);
        return actor.IsEditorial || (actor.IsCityBound && actor.CityCode is not null && asset.CityCode == actor.CityCode);
    }
}
