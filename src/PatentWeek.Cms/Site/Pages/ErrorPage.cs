namespace PatentWeek.Cms.Site.Pages;

/// <summary>
/// The friendly 500 page (and the 503 of a database outage): the theme's <c>500.liquid</c>, rendered without the database (which may be what failed).
/// Null when the theme cannot render it either; the caller then writes its plain page.
/// </summary>
public static class ErrorPage
{
    public static async Task<string?> TryRenderAsync(HttpContext http, ILogger logger, bool unavailable = false)
    {
        ArgumentNullException.ThrowIfNull(http);
        try
        {
            var theme = http.RequestServices.GetRequiredService<ThemeRenderer>();
            return await theme.RenderAsync(null, "500", new Dictionary<string, object?>
            {
                ["site"] = null, ["base"] = http.Request.PathBase.Value ?? "", ["prefix"] = "", ["home_url"] = "/", ["page_title"] = unavailable ? "服务暂时不可用" : "出错了",
                ["page_description"] = unavailable ? "数据库暂时无法连接，请稍后刷新重试。" : "服务器处理请求时出错，已记录。请稍后重试。", ["crumbs"] = Array.Empty<CrumbDto>(), ["og_type"] = "website",
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
