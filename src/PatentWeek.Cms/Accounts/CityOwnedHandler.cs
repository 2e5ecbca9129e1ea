using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using PatentWeek.Cms.Data;

namespace PatentWeek.Cms.Accounts;

/// <summary>The one authorization handler for resources: every city-owned type is decided by <see cref="CityRules"/>.</summary>
public sealed class CityOwnedHandler : AuthorizationHandler<OperationAuthorizationRequirement, ICityOwned>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, ICityOwned resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (CityRules.Allows(Actor.From(context.User), requirement, resource))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
