using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace PatentWeek.Cms.Workflow;

/// <summary>
/// Signed, expiring preview links for unpublished items: a Data Protection token naming the item, valid
/// for <see cref="Lifetime"/>. Anyone holding the link sees the item's editable version (the working copy
/// of a published item) on the site and in the delivery API; nothing else is unlocked.
/// </summary>
public sealed class PreviewLinks(IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(3);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("PatentWeek.Cms.Preview.v1").ToTimeLimitedDataProtector();

    public (string Token, DateTimeOffset ExpiresAt) Create(int itemId)
    {
        var expires = time.GetUtcNow() + Lifetime;
        return (_protector.Protect(itemId.ToString(CultureInfo.InvariantCulture), expires), expires);
    }

    /// <summary>The item a token names, or null when it is forged, altered or expired.</summary>
    public int? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
            return null;
        try
        {
            var text = _protector.Unprotect(token, out var expiration);
            return expiration > time.GetUtcNow() && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
