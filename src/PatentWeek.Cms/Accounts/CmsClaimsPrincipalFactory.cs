using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PatentWeek.Cms.Data.Accounts;

namespace PatentWeek.Cms.Accounts;

/// <summary>Adds the e-mail and a city contributor's city to the principal, so scoping needs no lookup.</summary>
public sealed class CmsClaimsPrincipalFactory(
    UserManager<CmsUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CmsUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CmsUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        if (user.Email is { } email && !identity.HasClaim(c => c.Type == ClaimTypes.Email))
            identity.AddClaim(new Claim(ClaimTypes.Email, email));
        if (user.CityCode is { } city)
            identity.AddClaim(new Claim(CmsClaims.City, city));
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(CmsClaims.MustChangePassword, "1"));
        if (!user.TwoFactorEnabled && await UserManager.IsInRoleAsync(user, Roles.Administrator))
            identity.AddClaim(new Claim(CmsClaims.NeedsTwoFactor, "1"));
        return identity;
    }
}
