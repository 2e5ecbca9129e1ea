using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Accounts;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Accounts;

/// <summary>
/// Adds accounts, for the admin's users page and the <c>users add</c> command alike: the same role and city rules,
/// the same audit entry, the same errors (each caller shows them in its own language).
/// </summary>
public sealed class UserCreation(UserManager<CmsUser> users, CmsDbContext db, AuditLog audit)
{
    /// <summary>The role's canonical name when it and the city go together; otherwise the errors, and a null role.</summary>
    public async Task<(string? Role, List<AccountError> Errors)> CheckRoleAsync(string? roleName, string? city)
    {
        var errors = new List<AccountError>();
        var role = Roles.Normalize(roleName);
        if (role is null)
            errors.Add(new("role", AccountRefusals.RoleUnknown(roleName)));
        if (role == Roles.CityContributor && string.IsNullOrEmpty(city))
            errors.Add(new("city", AccountRefusals.CityRequired()));
        if (role != Roles.CityContributor && !string.IsNullOrEmpty(city))
            errors.Add(new("city", AccountRefusals.CityOnlyForContributors()));
        if (!string.IsNullOrEmpty(city) && !await db.Cities.AnyAsync(c => c.Code == city))
            errors.Add(new("city", AccountRefusals.CityUnknown(city)));
        return (errors.Count == 0 ? role : null, errors);
    }

    /// <summary>Everything <see cref="CreateAsync"/> checks before the password: the role and city, then that the e-mail is free.</summary>
    public async Task<(string? Role, List<AccountError> Errors)> CheckAsync(string email, string? roleName, string? city)
    {
        var (role, errors) = await CheckRoleAsync(roleName, city);
        if (errors.Count == 0 && await users.FindByEmailAsync(email) is not null)
            errors.Add(new("email", AccountRefusals.EmailTaken(email)));
        return (errors.Count == 0 ? role : null, errors);
    }

    /// <summary>
    /// Creates the account with its one role and audits it as done by <paramref name="actor"/>. Nothing is stored when
    /// a rule refuses it; the errors say why.
    /// </summary>
    /// <param name="mustChangePassword">A generated password is changed at the first sign-in; one the person chose is not.</param>
    public async Task<(CmsUser? User, List<AccountError> Errors)> CreateAsync(
        string actor, string email, string? roleName, string? city, string password, bool mustChangePassword)
    {
        ArgumentNullException.ThrowIfNull(email);
        city = string.IsNullOrEmpty(city) ? null : city;
        var (role, errors) = await CheckAsync(email, roleName, city);
        if (errors.Count > 0)
            return (null, errors);

        var user = new CmsUser { UserName = email, Email = email, EmailConfirmed = true, CityCode = city, MustChangePassword = mustChangePassword };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (null, [new("", AccountRefusals.NotCreated(string.Join(" ", created.Errors.Select(e => e.Description))))]);
        }

        await users.AddToRoleAsync(user, role!);
        audit.Record(actor, AuditAction.UserAdd, $"user/{email}", Roles.Label(role!) + (city is null ? "" : " " + city));
        await db.SaveChangesAsync();
        return (user, []);
    }
}
