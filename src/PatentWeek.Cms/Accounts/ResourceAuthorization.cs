using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;

namespace PatentWeek.Cms.Accounts;

/// <summary>How an operation on a resource comes out: allowed, refused (403), or hidden because the actor may not see it (404).</summary>
public enum Access
{
    Allowed,
    Refused,
    Hidden,
}

/// <summary>
/// Asks <see cref="IAuthorizationService"/> about one resource, for the endpoints' scope filter, the admin's page
/// handlers and buttons, and the services that are handed an <see cref="Actor"/> rather than a request's user.
/// </summary>
public sealed class ResourceAuthorization(IAuthorizationService authorization, CmsDbContext db)
{
    /// <summary>Stands for a resource that does not exist: one of no city.</summary>
    private static readonly ICityOwned NoCity = new Unowned();

    public async Task<bool> AllowsAsync(ClaimsPrincipal user, ICityOwned resource, OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(user, resource, operation)).Succeeded;

    public Task<bool> AllowsAsync(Actor actor, ICityOwned resource, OperationAuthorizationRequirement operation) =>
        AllowsAsync(Principal(actor), resource, operation);

    /// <summary>Which of the operations the user may take on the resource (by name): the admin shows its buttons by this.</summary>
    public async Task<IReadOnlySet<string>> AllowedAsync(ClaimsPrincipal user, ICityOwned resource, params OperationAuthorizationRequirement[] operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            if (await AllowsAsync(user, resource, operation))
                allowed.Add(operation.Name);
        }

        return allowed;
    }

    public Task<IReadOnlySet<string>> AllowedAsync(Actor actor, ICityOwned resource, params OperationAuthorizationRequirement[] operations) =>
        AllowedAsync(Principal(actor), resource, operations);

    public async Task<Access> CheckAsync(ClaimsPrincipal user, ICityOwned resource, OperationAuthorizationRequirement operation)
    {
        if (!await AllowsAsync(user, resource, Operations.Read))
            return Access.Hidden;
        return operation == Operations.Read || await AllowsAsync(user, resource, operation) ? Access.Allowed : Access.Refused;
    }

    public Task<Access> CheckAsync(Actor actor, ICityOwned resource, OperationAuthorizationRequirement operation) =>
        CheckAsync(Principal(actor), resource, operation);

    /// <summary>
    /// Whether the resource the id names must be answered as missing. A missing one is judged as one of no city: whoever
    /// reads every city's gets the endpoint's own 404 (unless <paramref name="missingIsHidden"/>), a city's contributor
    /// the same 404 as for another city's. Only the owner's city is read, and only when the answer can depend on it.
    /// </summary>
    public async Task<bool> HidesAsync<T>(ClaimsPrincipal user, int id, CancellationToken cancellationToken, bool missingIsHidden = false)
        where T : class, ICityOwned
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!missingIsHidden && !Actor.From(user).IsCityBound)
            return false;
        var owner = await db.Set<T>().AsNoTracking().Where(r => EF.Property<int>(r, "Id") == id)
            .Select(r => new Owner(r.CityCode)).FirstOrDefaultAsync(cancellationToken);
        if (owner is null && missingIsHidden)
            return true;
        return !await AllowsAsync(user, owner ?? NoCity, Operations.Read);
    }

    /// <summary>The actor as the handler reads them back (<see cref="Actor.From"/>).</summary>
    public static ClaimsPrincipal Principal(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var claims = new List<Claim> { new(ClaimTypes.Email, actor.Email) };
        if (actor.Id is not null)
            claims.Add(new Claim(ClaimTypes.NameIdentifier, actor.Id));
        if (actor.CityCode is not null)
            claims.Add(new Claim(CmsClaims.City, actor.CityCode));
        claims.AddRange(actor.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "actor"));
    }

    private sealed class Unowned : ICityOwned
    {
        public string? CityCode => null;
    }

    private sealed record Owner(string? CityCode) : ICityOwned;
}
