namespace PatentWeek.Cms.Data;

/// <summary>
/// A resource that belongs to a city, or to the office when it has none: content items, media (documents
/// included), and later the campaign's city plans and reports. Authorization reads only this, so a new
/// resource type is scoped by implementing it, not by a filter that knows its table.
/// </summary>
public interface ICityOwned
{
    string? CityCode { get; }
}
