using Microsoft.AspNetCore.Identity;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Accounts;

namespace PatentWeek.Cms.Accounts;

public static class AccountServices
{
    /// <summary>
    /// ASP.NET Core Identity on the CMS's own database (EF stores). Sign-in, roles and tokens are
    /// wired up by the accounts feature; the stores and the password rules are set here.
    /// </summary>
    public static IServiceCollection AddCmsAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<CmsUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CmsDbContext>();
        return services;
    }
}
