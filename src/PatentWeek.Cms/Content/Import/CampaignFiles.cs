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

/// <summary><c>site.yml</c>: the site's identity (keys as in <see cref="PatentWeek.Cms.Site.SiteIdentityFields"/>).</summary>
public sealed class SiteEntry
{
    public string? SiteName { get; set; }
    public string? Domain { get; set; }
    public string? Sponsor { get; set; }
    public string? Organizer { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? SiteCode { get; set; }
    public string? IcpNumber { get; set; }
    public string? PublicSecurityNumber { get; set; }
}
