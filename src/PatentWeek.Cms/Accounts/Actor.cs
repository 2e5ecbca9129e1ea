using System.Security.Claims;

namespace PatentWeek.Cms.Accounts;

/// <summary>Who is acting: a signed-in person (cookie or token), or the system running a job.</summary>
public sealed record Actor(string? Id, string Email, IReadOnlySet<string> Roles, string? CityCode)
{
    public static readonly Actor System = new(null, "system", new HashSet<string>([Accounts.Roles.Administrator]), null);

    public bool IsIn(string role) => Roles.Contains(role);

    /// <summary>
    /// True for a city contributor without an editorial role: bound to one city. A contributor whose city is
    /// missing is still bound (to none), so they see nothing rather than everything without a city.
    /// </summary>
    public bool IsCityBound => IsIn(Accounts.Roles.CityContributor) && !IsEditorial;

    /// <summary>Administrators and editors.</summary>
    public bool IsEditorial => IsIn(Accounts.Roles.Administrator) || IsIn(Accounts.Roles.Editor);

    public static Actor From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Actor(
            principal.FindFirstValue(ClaimTypes.NameIdentifier),
            principal.FindFirstValue(ClaimTypes.Email) ?? principal.Identity?.Name ?? "?",
            roles,
            principal.FindFirstValue(CmsClaims.City));
    }
}
