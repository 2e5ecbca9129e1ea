using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Accounts;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Accounts;

public static class AuthSetup
{
    public const string SignInRateLimit = "signin";
    private const string CookieOrToken = "CookieOrToken";

    /// <summary>
    /// Identity on the CMS database; a cookie for the admin UI and bearer tokens for the management API,
    /// chosen per request; role policies; a per-address limit on sign-in attempts.
    /// </summary>
    public static IServiceCollection AddCmsAccounts(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddIdentityCore<CmsUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CmsDbContext>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<CmsClaimsPrincipalFactory>();

        services.AddScoped<TokenService>();
        services.AddScoped<AccountService>();
        services.AddScoped<UserCreation>();
        // A disabled account's or changed password's sessions end within a minute, not half an hour.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrToken;
                o.DefaultChallengeScheme = CookieOrToken;
                o.DefaultForbidScheme = CookieOrToken;
            })
            // The APIs take bearer tokens only: a browser's sign-in cookie never authenticates an API call,
            // so no API call can be forged across sites, and the admin UI's forced password change and 2FA
            // set-up cannot be sidestepped through the API.
            .AddPolicyScheme(CookieOrToken, "Cookie for pages, bearer token for the APIs", o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api")
                || context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "pwk.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/admin/signin";
            o.AccessDeniedPath = "/admin/denied";
            // Idle timeout: a session unused for 30 minutes ends.
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
            // The API answers 401/403 with problem+json; only pages redirect to the sign-in form.
            o.Events.OnRedirectToLogin = c => IsApi(c.Request)
                ? Problems.WriteAsync(c.HttpContext, StatusCodes.Status401Unauthorized, "Unauthorized", "Sign in, or send a personal access token.")
                : Redirect(c);
            o.Events.OnRedirectToAccessDenied = c => IsApi(c.Request)
                ? Problems.WriteAsync(c.HttpContext, StatusCodes.Status403Forbidden, "Forbidden", "Your role does not allow this.")
                : Redirect(c);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireRole([.. Roles.All]))
            .AddPolicy(Policies.Authors, p => p.RequireRole(Roles.Administrator, Roles.Editor, Roles.CityContributor))
            .AddPolicy(Policies.Reviewers, p => p.RequireRole(Roles.Administrator, Roles.Editor, Roles.Reviewer))
            .AddPolicy(Policies.Publishers, p => p.RequireRole(Roles.Administrator, Roles.Editor))
            .AddPolicy(Policies.Administrators, p => p.RequireRole(Roles.Administrator));
        // Roles are the groups' policies above; what may be done to one city-owned resource is this one handler.
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, CityOwnedHandler>();
        services.AddScoped<ResourceAuthorization>();

        services.AddRateLimiter(o =>
        {
            // Counted in Redis when instances share one, so the limit is per address, not per address and instance.
            o.AddPolicy(SignInRateLimit, context => ScaleOut.SharedWindowLimiter.PerAddressPerMinute(
                context, SignInRateLimit, context.RequestServices.GetRequiredService<IOptions<CmsOptions>>().Value.SignInAttemptsPerMinute));
            o.OnRejected = (context, _) =>
            {
                // Clients and monitors back off by Retry-After: the seconds until the window lets the next attempt in.
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return new ValueTask(Problems.WriteAsync(context.HttpContext,
                    StatusCodes.Status429TooManyRequests, "Too many requests", "Too many sign-in attempts from this address; wait a minute."));
            };
        });

        services.AddScoped<AuditLog>();
        return services;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
