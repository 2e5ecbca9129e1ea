using Microsoft.AspNetCore.Identity;

namespace PatentWeek.Cms.Data.Accounts;

public class CmsUser : IdentityUser
{
    /// <summary>Set for city contributors: the one city they work for.</summary>
    public string? CityCode { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>Generated passwords (demo accounts) must be replaced at the first sign-in.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>A disabled account cannot sign in or use its tokens; it is kept for the audit trail.</summary>
    public DateTime? DisabledAt { get; set; }
}
