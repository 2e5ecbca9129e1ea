using Microsoft.AspNetCore.Identity;

namespace PatentWeek.Cms.Data.Accounts;

public class CmsUser : IdentityUser
{
    /// <summary>Set for city contributors: the one city they work for.</summary>
    public string? CityCode { get; set; }
}
