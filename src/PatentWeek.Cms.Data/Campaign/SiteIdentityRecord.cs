namespace PatentWeek.Cms.Data.Campaign;

/// <summary>
/// The site's identity as a government website shows it (name, domain, 主办/承办单位, contact, 网站标识码, ICP备案号,
/// 公网安备 number): one row, seeded from <c>content/site.yml</c>, then an administrator's. Configuration
/// (<c>Cms:Site:*</c>) wins over each value at run time; the row keeps what the file or the administrator said.
/// </summary>
public class SiteIdentityRecord
{
    /// <summary>The one row's key.</summary>
    public const int SingleRow = 1;

    /// <summary>Who last wrote the row: the importer for the seed; an administrator's e-mail once edited in the admin.</summary>
    public const string ImportUser = "import";

    public int Id { get; set; } = SingleRow;
    public string? SiteName { get; set; }
    public string? Domain { get; set; }

    /// <summary>主办单位.</summary>
    public string? Sponsor { get; set; }

    /// <summary>承办单位.</summary>
    public string? Organizer { get; set; }

    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>网站标识码 (the 10-digit code of the national government-website register).</summary>
    public string? SiteCode { get; set; }

    /// <summary>ICP备案号, e.g. 鄂ICP备00000000号.</summary>
    public string? IcpNumber { get; set; }

    /// <summary>公网安备 number, e.g. 鄂公网安备 42010602000000号.</summary>
    public string? PublicSecurityNumber { get; set; }

    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>Whether an administrator saved it: then the seed file no longer changes it.</summary>
    public bool EditedByAdministrator => UpdatedBy is not null && UpdatedBy != ImportUser;
}
