using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Delivery;

namespace PatentWeek.Cms.Search;

/// <summary>
/// The query string of a search, on the site and in the delivery API: <c>q</c> parsed by <see cref="SearchQuery"/>, the
/// filters and paging checked by the content list's own rules (<see cref="ContentListQuery"/>), so both say the same.
/// </summary>
public sealed record SearchRequest(
    [property: FromQuery(Name = "q"), Description("What to search for, 1 to 100 characters: Chinese words match anywhere in a text, Latin words by their beginning; several words must all match; \"quoted text\" is a phrase")] string? Q,
    [property: FromQuery(Name = "kind"), ContentKindName] string? Kind,
    [property: FromQuery(Name = "city"), Description("6-digit city code, e.g. 420100")] string? City,
    [property: FromQuery(Name = "edition"), Description("Edition number; default: the current edition")] string? Edition,
    [property: FromQuery(Name = "page"), Description("1-based page number; default 1")] string? Page,
    [property: FromQuery(Name = "pageSize"), Description("1 to 100; default 20")] string? PageSize)
{
    /// <summary>
    /// Checks every parameter; <paramref name="refusal"/> is why <c>q</c> was refused (its message is the one the site
    /// shows), and <paramref name="errors"/> holds it too, with whatever else is wrong.
    /// </summary>
    public bool TryValidate(out SearchQuery query, out ContentFilter filter, out Dictionary<string, string[]> errors, out SearchRefusal? refusal)
    {
        new ContentListQuery(Kind, City, null, Edition, Page, PageSize).TryValidate(out filter, out errors);
        if (!SearchQuery.TryParse(Q, out query, out refusal))
            errors["q"] = [refusal!.Detail];
        return errors.Count == 0;
    }
}
