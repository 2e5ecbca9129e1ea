using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Accounts;

namespace PatentWeek.Cms.Accounts;

/// <summary>Personal access tokens: random, shown once, stored as a SHA-256 hash, revocable.</summary>
public sealed class TokenService(CmsDbContext db, TimeProvider time)
{
    public const string Prefix = "pwk_";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    public (PersonalAccessToken Row, string Token) Issue(CmsUser user, string? name)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow().UtcDateTime;
        var row = new PersonalAccessToken
        {
            UserId = user.Id,
            Name = string.IsNullOrWhiteSpace(name) ? "API" : name.Trim()[..Math.Min(name.Trim().Length, 100)],
            Hash = Hash(token),
            Prefix = token[..10],
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        db.PersonalAccessTokens.Add(row);
        return (row, token);
    }

    /// <summary>The live token row for a presented token, or null (unknown, revoked or expired).</summary>
    public Task<PersonalAccessToken?> FindAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Hash(token);
        var now = time.GetUtcNow().UtcDateTime;
        return db.PersonalAccessTokens.FirstOrDefaultAsync(
            t => t.Hash == hash && t.RevokedAt == null && t.ExpiresAt > now, cancellationToken);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
