using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace PatentWeek.Cms.Benchmarks;

/// <summary>
/// Plain Kestrel serving a folder with the static file middleware and nothing else: the yardstick http.sh holds the
/// CMS's cached pages against (the same bytes, no routing, no security headers, no cache lookup).
/// </summary>
internal static class StaticServer
{
    public static async Task<int> RunAsync(string folder, string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.GetFullPath(folder)) });
        await app.RunAsync();
        return 0;
    }
}
