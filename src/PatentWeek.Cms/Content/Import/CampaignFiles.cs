namespace PatentWeek.Cms.Content.Import;

/// <summary>One entry of <c>editions.yml</c>.</summary>
public sealed class EditionEntry
{
    public int Number { get; set; }
    public int Year { get; set; }
    public string? Slogan { get; set; }
    public string? WeekStart { get; set; }
    public string? WeekEnd { get; set; }
    public string? PlanDeadline { get; set; }
    public string? ReportDeadline { get; set; }
    public string? Theme { get; set; }
    public bool Current { get; set; }
}

/// <summary>One entry of <c>cities.yml</c>.</summary>
public sealed class CityEntry
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public int MinimumEvents { get; set; } = 1;
}
