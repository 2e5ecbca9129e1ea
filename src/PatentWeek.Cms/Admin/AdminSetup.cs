using Microsoft.AspNetCore.Mvc;
using PatentWeek.Cms.Accounts;

namespace PatentWeek.Cms.Admin;

/// <summary>
/// The admin UI: Razor Pages under <c>/admin</c>, server-rendered, in Chinese. Every page requires a staff
/// sign-in (pages that need more say so by policy); forms are protected by antiforgery tokens.
/// </summary>
public static class AdminSetup
{
    /// <summary>Where scripts send the antiforgery token (the upload and the live preview).</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public static IServiceCollection AddCmsAdmin(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Admin", Policies.Staff);
                o.Conventions.AllowAnonymousToPage("/Admin/SignIn");
                o.Conventions.AllowAnonymousToPage("/Admin/SignInCode");
                o.Conventions.AllowAnonymousToPage("/Admin/Denied");
                o.Conventions.AuthorizeFolder("/Admin/Settings", Policies.Administrators);
                o.Conventions.AuthorizePage("/Admin/Review", Policies.Reviewers);
                o.Conventions.AuthorizePage("/Admin/Campaign/Index", Policies.Reviewers);
                o.Conventions.AuthorizePage("/Admin/Campaign/Summary", Policies.Publishers);
                o.Conventions.AuthorizeFolder("/Admin/WeChat", Policies.Publishers);
                o.Conventions.AuthorizePage("/Admin/WeChat/Settings", Policies.Administrators);
                // A new item is written at /admin/content/new, as Ghost and Strapi users expect; the form's
                // older address /admin/content/edit keeps working for bookmarks.
                o.Conventions.AddPageRoute("/Admin/Content/Edit", "admin/content/new");
            })
            .AddMvcOptions(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add<AccountSetupFilter>();
                ChineseValidation.Use(o);
            });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "pwk.af";
            o.HeaderName = AntiforgeryHeader;
        });
        return services;
    }
}
