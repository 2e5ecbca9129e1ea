namespace PatentWeek.Cms.Tests.Infrastructure;

/// <summary>Paths in the source tree, and scratch copies of them.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    public static string Themes => Path.Combine(Root, "themes");

    /// <summary>A scratch copy of <c>content/</c> that a test may edit.</summary>
    public static string CopyContent(string into)
    {
        var target = Path.Combine(into, "content-copy");
        foreach (var file in Directory.EnumerateFiles(Content, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(Content, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }

        return target;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PatentWeek.Cms.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("The source tree was not found above the test binaries.");
    }
}
