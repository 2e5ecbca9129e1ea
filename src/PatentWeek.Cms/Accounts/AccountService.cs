using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Accounts;

namespace PatentWeek.Cms.Accounts;

/// <summary>Account changes shared by the admin UI and the <c>users</c> command, so both end sessions and tokens alike.</summary>
public sealed class AccountService(UserManager<CmsUser> users, CmsDbContext db, TimeProvider time)
{
    /// <summary>Revokes every live personal access token of the user.</summary>
    public Task RevokeTokensAsync(CmsUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = time.GetUtcNow().UtcDateTime;
        return db.PersonalAccessTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now));
    }

    /// <summary>
    /// Disables (or re-enables) an account. Disabling changes the security stamp, which ends its sign-in
    /// sessions within a minute, and revokes its tokens.
    /// </summary>
    public async Task SetDisabledAsync(CmsUser user, bool disabled)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.DisabledAt = disabled ? user.DisabledAt ?? time.GetUtcNow().UtcDateTime : null;
        await users.UpdateAsync(user);
        if (!disabled)
            return;
        await users.UpdateSecurityStampAsync(user);
        await RevokeTokensAsync(user);
    }
}
