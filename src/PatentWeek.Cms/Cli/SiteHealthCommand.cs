using PatentWeek.Cms.SiteHealth;

namespace PatentWeek.Cms.Cli;

/// <summary>
/// <c>site-health [--url &lt;address&gt;]</c>: the admin's site-health report for a script or a cron job. It crawls
/// the running site at <c>--url</c>, else <c>Cms:SiteHealth:CrawlBaseUrl</c>, else the public address, prints the
/// report in Chinese and exits 1 when there is a 严重 finding, so a quarterly check can fail a pipeline.
/// </summary>
internal static class SiteHealthCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options, TextWriter output, TextWriter error)
    {
        Uri? asked = null;
        if (options.TryGetValue("url", out var url) && (!Uri.TryCreate(url, UriKind.Absolute, out asked) || asked.Scheme is not ("http" or "https")))
        {
            await error.WriteLineAsync("usage: site-health [--url <http(s) address of the site>]");
            return 2;
        }

        var health = services.GetRequiredService<SiteHealthService>();
        var baseUrl = health.CrawlBase(asked?.ToString());
        using var site = health.ClientFor(baseUrl);
        // No overall timeout: the page cap bounds the crawl, and each outside link has its own.
        var report = await health.RunAsync(site, CancellationToken.None);
        await output.WriteAsync(SiteHealthText.Of(report, baseUrl));
        return report.HasErrors ? 1 : 0;
    }
}
