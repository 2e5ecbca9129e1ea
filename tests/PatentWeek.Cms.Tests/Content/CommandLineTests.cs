using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Content;

/// <summary>
/// The <c>import</c> and <c>export</c> commands as a real process. They share their start-up and code with
/// the server, which the provider-specific tests cover on both databases; SQLite suffices here.
/// </summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Import_and_export_commands_run_on_the_same_executable()
    {
        await using var database = new SqliteTestDatabase();
        var exportFolder = Path.Combine(database.DataPath, "out");

        var (code, output) = await CmsProcess.RunAsync(database, "", "import", Repo.Content);
        Assert.True(code == 0, output);
        Assert.Contains("imported", output, StringComparison.Ordinal);

        (code, output) = await CmsProcess.RunAsync(database, "", "export", exportFolder);
        Assert.True(code == 0, output);
        Assert.Contains("exported", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(exportFolder, "13", "page", "notice.md")));
        Assert.True(File.Exists(Path.Combine(exportFolder, "cities.yml")));

        await File.WriteAllTextAsync(Path.Combine(exportFolder, "13", "news", "bad.md"), "---\nkind: news\nedition: 13\ntitel: typo\n---\n", TestContext.Current.CancellationToken);
        (code, output) = await CmsProcess.RunAsync(database, "", "import", exportFolder);
        Assert.Equal(1, code);
        Assert.Contains("13/news/bad.md:4", output, StringComparison.Ordinal);
        Assert.Contains("titel", output, StringComparison.Ordinal);

        (code, output) = await CmsProcess.RunAsync(database, "", "import");
        Assert.Equal(2, code);
        Assert.Contains("usage", output, StringComparison.Ordinal);
    }
}
