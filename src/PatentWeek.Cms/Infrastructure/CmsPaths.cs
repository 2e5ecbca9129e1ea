using Microsoft.Extensions.Options;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>The folders the CMS reads and writes, resolved once from options and the content root.</summary>
public sealed class CmsPaths
{
    public CmsPaths(IOptions<CmsOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var root = environment.ContentRootPath;
        var o = options.Value;
        DataPath = Path.GetFullPath(o.DataPath, root);
        ContentPath = o.ContentPath is { } content ? Path.GetFullPath(content, root) : FindUpwards(root, "content");
        ThemesPath = o.ThemesPath is { } themes ? Path.GetFullPath(themes, root) : FindUpwards(root, "themes");
    }

    public string DataPath { get; }
    public string ContentPath { get; }
    public string ThemesPath { get; }

    // `dotnet run --project src/PatentWeek.Cms` has the project folder as content root, while the seed
    // content and themes sit at the top of the source tree: look a few levels up for them.
    private static string FindUpwards(string start, string folder)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, folder);
            if (Directory.Exists(candidate))
                return candidate;
        }

        return Path.Combine(start, folder);
    }
}
