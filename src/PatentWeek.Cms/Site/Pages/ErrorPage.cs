namespace PatentWeek.Cms.Site.Pages;

/// <summary>
/// The friendly error page (500, and the 503 and 507 of a database away or a disk full): the theme's
/// <c>500.liquid</c>, rendered without the database (which may be what failed).
/// Null when the theme cannot render it either; the caller then writes its plain page.
/// </summary>
public static class ErrorPage
{
    public static async Task<string?> TryRenderAsync(HttpContext http, ILogger logger, string heading, string text)
    {
        ArgumentNullException.ThrowIfNull(http);
        try
        {
            var theme = http.RequestServices.GetRequiredService<ThemeRenderer>();
            return await theme.RenderAsync(null, "500", new Dictionary<string, object?>
            {
                ["site"] = null, ["base"] = http.Request.PathBase.Value ?? "", ["prefix"] = "", ["home_url"] = "/", ["page_title"] = heading,
                ["page_description"] = text, ["crumbs"] = Array.Empty<CrumbDto>(), ["og_type"] = "website",
            });
        }
#pragma warning disable CA1031 // The error page must not fail: any failure falls back to the plain page.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogWarning(e, "The theme's error page could not be rendered; the plain one is shown.");
            return null;
        }
    }
}
