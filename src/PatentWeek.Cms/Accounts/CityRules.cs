using Microsoft.AspNetCore.Authorization.Infrastructure;
using PatentWeek.Cms.Data;

namespace PatentWeek.Cms.Accounts;

/// <summary>
/// Who may do what to a city-owned resource — the one table behind <see cref="CityOwnedHandler"/>, the lists'
/// query scopes and the workflow's permission checks. An operation is allowed when the actor may read the
/// resource (a city contributor reads their own city's only, the office reads all) and their role takes that
/// operation. What the resource's state allows is the workflow's business, not this table's.
/// </summary>
public static class CityRules
{
    /// <summary>Whether the actor may see the resource at all; refused, the resource is answered as missing (404).</summary>
    public static bool CanRead(Actor actor, ICityOwned resource)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(resource);
        return !actor.IsCityBound || (actor.CityCode is not null && resource.CityCode == actor.CityCode);
    }

    /// <summary>
    /// The list form of <see cref="CanRead"/>: the same rule as a query. A contributor whose city is missing is
    /// still bound (to none), so they see nothing rather than everything without a city.
    /// </summary>
    public static IQueryable<T> Readable<T>(IQueryable<T> resources, Actor actor) where T : class, ICityOwned
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsCityBound)
            return resources;
        var city = actor.CityCode;
        return city is null ? resources.Where(_ => false) : resources.Where(r => r.CityCode == city);
    }

    /// <summary>Whether the actor's role takes the operation at all, on a resource they may read.</summary>
    public static bool RoleAllows(Actor actor, OperationAuthorizationRequirement operation)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(operation);
        return operation.Name switch
        {
            nameof(Operations.Read) or nameof(Operations.Download) => true,
            // Authors: the office's editors, and a city's contributors on their city's resources.
            nameof(Operations.Edit) or nameof(Operations.Delete) or nameof(Operations.Submit) => actor.IsEditorial || actor.IsCityBound,
            nameof(Operations.Review) => actor.IsEditorial || actor.IsIn(Roles.Reviewer),
            nameof(Operations.Publish) or nameof(Operations.CrossPost) => actor.IsEditorial,
            nameof(Operations.Manage) => actor.IsIn(Roles.Administrator),
            _ => false,
        };
    }

    public static bool Allows(Actor actor, OperationAuthorizationRequirement operation, ICityOwned resource) =>
        CanRead(actor, resource) && RoleAllows(actor, operation);
}
