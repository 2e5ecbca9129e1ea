using Microsoft.AspNetCore.Mvc.Filters;
using PatentWeek.Cms.Accounts;

namespace PatentWeek.Cms.Admin;

/// <summary>
/// Sends a signed-in person to finish their account first: a generated password is changed at the first
/// sign-in, and an administrator turns on two-factor sign-in before anything else.
/// </summary>
public sealed class AccountSetupFilter : IAsyncPageFilter
{
    private static readonly string[] Exempt = ["/Admin/Password", "/Admin/TwoFactor", "/Admin/SignOut", "/Admin/SignIn", "/Admin/SignInCode", "/Admin/Denied"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var user = context.HttpContext.User;
        var page = context.ActionDescriptor.ViewEnginePath;
        if (user.Identity?.IsAuthenticated == true && !Exempt.Contains(page, StringComparer.OrdinalIgnoreCase))
        {
            if (user.HasClaim(CmsClaims.MustChangePassword, "1"))
            {
                context.Result = new Microsoft.AspNetCore.Mvc.RedirectToPageResult("/Admin/Password");
                return;
            }

            if (user.HasClaim(CmsClaims.NeedsTwoFactor, "1"))
            {
                context.Result = new Microsoft.AspNetCore.Mvc.RedirectToPageResult("/Admin/TwoFactor");
                return;
            }
        }

        await next();
    }
}
