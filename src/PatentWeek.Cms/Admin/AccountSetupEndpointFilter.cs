using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Admin;

/// <summary>
/// The <see cref="AccountSetupFilter"/> rule for the admin's minimal endpoints (uploads, downloads): a sign-in
/// that still owes a password change or two-factor setup may not use them.
/// </summary>
internal sealed class AccountSetupEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.HasClaim(CmsClaims.MustChangePassword, "1") || user.HasClaim(CmsClaims.NeedsTwoFactor, "1"))
            return Problems.Forbidden("Finish setting up your account first (change the generated password, turn on two-factor sign-in).");
        return await next(context);
    }
}
