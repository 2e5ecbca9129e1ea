namespace PatentWeek.Cms.Content.Import;

/// <summary>One entry of <c>editions.yml</c>.</summary>
public sealed class EditionEntry
{
    public int Number { get; set; }
    public int Year { get; set; }
    public string? Slogan { get; set; }
    public string? WeekStart { get; set; }
    public string? WeekEnd { get; set; }
    /// <summary>The plan's due day; the importer makes the edition's plan task of it (and of <see cref="PlanOpens"/>).</summary>
    public string? PlanDeadline { get; set; }
    public string? PlanOpens { get; set; }

    /// <summary>The report's due day, made into the report task with <see cref="ReportOpens"/> (the week's first day by default).</summary>
    public string? ReportDeadline { get; set; }
    public string? ReportOpens { get; set; }
    public string? Theme { get; set; }
    public bool Current { get; set; }
}

/// <summary>One entry of <c>cities.yml</c>.</summary>
public sealed class CityEntry
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; }

    /// <summary>知识产权强市创建市 (2 events at least).</summary>
    public bool? StrongCity { get; set; }

    /// <summary>运营服务体系重点城市 (2 events at least).</summary>
    public bool? OperationsHub { get; set; }
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
