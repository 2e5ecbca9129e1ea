using System.Diagnostics;

namespace PatentWeek.Cms.Tests.Infrastructure;

/// <summary>Runs the real executable (<c>PatentWeek.Cms.dll</c>) with a command, on a test's data folder.</summary>
public static class CmsProcess
{
    public static async Task<(int Code, string Output)> RunAsync(TestDatabase database, string stdin, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(database);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = database.DataPath,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PatentWeek.Cms.dll"));
        foreach (var arg in args.Concat(["--Cms:DataPath", database.DataPath, "--Cms:ContentPath", Repo.Content, "--Cms:ThemesPath", Repo.Themes, "--Logging:LogLevel:Default", "Warning"]))
            start.ArgumentList.Add(arg);

        var ct = TestContext.Current.CancellationToken;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await stdout + await stderr);
    }
}
