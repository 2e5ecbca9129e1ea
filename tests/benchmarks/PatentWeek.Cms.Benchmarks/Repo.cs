namespace PatentWeek.Cms.Benchmarks;

/// <summary>Files of the source tree, found upwards from the working folder or the program's folder.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>
    /// BenchmarkDotNet runs each benchmark from a project it generates under this project's <c>bin</c>, which is
    /// still inside the tree, so both starting points find it.
    /// </summary>
    private static string FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (System.IO.File.Exists(Path.Combine(dir.FullName, "PatentWeek.Cms.sln")))
                    return dir.FullName;
            }
        }

        throw new InvalidOperationException("The source tree (PatentWeek.Cms.sln) was not found above the working folder.");
    }
}
