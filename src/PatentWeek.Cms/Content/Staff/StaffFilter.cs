using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Search;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Content.Staff;

/// <summary>
/// What staff filter the content list by. Made by <see cref="Parse"/>, the one place that reads the filters of the
/// management API and of the admin's list alike.
/// </summary>
/// <remarks><see cref="Query"/> is a text search by the site's own search rules, over everything the actor may see.</remarks>
public sealed record StaffFilter(ContentState? State = null, ContentKind? Kind = null, string? City = null, SearchQuery? Query = null, int Page = 1, int PageSize = 50)
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// Reads the filters as they arrive. A value that is not understood is left out of the filter and named in
    /// <c>errors</c>: the API refuses the request with them, the admin shows them next to the filter and lists the rest.
    /// </summary>
    public static StaffFilter Parse(string? state, string? kind, string? city, string? q, int page, int pageSize, out IReadOnlyDictionary<string, Refusal> errors)
    {
        var refused = new Dictionary<string, Refusal>();
        ContentState? parsedState = null;
        if (state is not null)
        {
            if (ContentKinds.TryParseState(state, out var s))
                parsedState = s;
            else
                refused["state"] = Refusals.StateUnknown();
        }

        ContentKind? parsedKind = null;
        if (kind is not null)
        {
            if (ContentKinds.TryParseKind(kind, out var k))
                parsedKind = k;
            else
                refused["kind"] = Refusals.KindUnknown();
        }

        if (page < 1 || pageSize is < 1 or > MaxPageSize)
        {
            refused["page"] = Refusals.PageOutOfRange(MaxPageSize);
            (page, pageSize) = (1, 50);
        }

        // A blank box is no search; text with nothing to search for (only punctuation, too long) is refused by its rules.
        SearchQuery? query = null;
        if (!string.IsNullOrWhiteSpace(q))
        {
            if (SearchQuery.TryParse(q, out var parsed, out var refusal))
                query = parsed;
            else
                refused["q"] = Refusals.Search(refusal!);
        }

        errors = refused;
        return new StaffFilter(parsedState, parsedKind, city, query, page, pageSize);
    }

    /// <summary>The API's 400 for filters <see cref="Parse"/> refused: English detail per field, and the refusals' codes.</summary>
    public static RequestValidationException Refused(IReadOnlyDictionary<string, Refusal> errors) =>
        RequestValidationException.From([], errors.ToDictionary(e => e.Key, e => e.Value));
}
