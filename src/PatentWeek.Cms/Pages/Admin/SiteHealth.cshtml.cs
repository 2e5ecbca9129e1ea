using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.SiteHealth;

namespace PatentWeek.Cms.Pages.Admin;

/// <summary>
/// 网站体检: the quarterly inspection's checks on demand. The run happens in the request (a crawl of a campaign
/// site takes seconds), bounded by <c>Cms:SiteHealth:RunTimeoutSeconds</c>; the last report stays on the page.
/// Province staff only (the reviewers' policy: administrators, editors, reviewers): the report covers every city.
/// </summary>
[Authorize(Policy = Policies.Reviewers)]
public sealed class SiteHealthModel(SiteHealthService health, SiteHealthResults results, IOptions<SiteHealthOptions> options) : AdminPage
{
    public SiteHealthReport? Report { get; private set; }

    public string? Failure { get; private set; }

    public void OnGet() => Report = results.Last;

    public async Task<IActionResult> OnPostAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(HttpContext.RequestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.RunTimeoutSeconds));
        try
        {
            using var site = health.ClientFor(health.CrawlBase());
            Report = await health.RunAsync(site, timeout.Token);
        }
        catch (OperationCanceledException) when (!HttpContext.RequestAborted.IsCancellationRequested)
        {
            Failure = $"体检超过 {options.Value.RunTimeoutSeconds} 秒未完成，已停止。请稍后再试，或在服务器上运行 site-health 命令。";
            Report = results.Last;
        }

        return Page();
    }
}
