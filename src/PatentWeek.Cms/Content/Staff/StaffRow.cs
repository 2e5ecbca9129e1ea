using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Content.Staff;

/// <summary>One item in a staff list: what the admin's tables and the management API's summaries show.</summary>
public sealed record StaffRow(
    int Id, ContentKind Kind, int Edition, ContentState State, ContentState? WorkingCopyState, string Title, string Slug,
    string? CityCode, string? CityName, DateTime UpdatedAt, DateTime? PublishedAt, DateTime? DeletedAt) : Data.ICityOwned;

/// <summary>One page of a filtered list, with the number of items that match in all.</summary>
public sealed record StaffPage(IReadOnlyList<StaffRow> Items, int Page, int PageSize, int Total);

/// <summary>How many of a city's items are in each state (the live state, as the dashboard counts them).</summary>
public sealed record CityCounts(string Code, string Name, int MinimumEvents, IReadOnlyDictionary<ContentState, int> ByState)
{
    public int Of(ContentState state) => ByState.GetValueOrDefault(state);
}
