using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Media;

/// <summary>
/// A full disk for real: the CMS process runs in a mount namespace of its own (<c>unshare -m</c>) whose media folder is
/// a 2 MB tmpfs, so its writes meet ENOSPC while the rest of the machine is untouched. It needs root (CI has it).
/// </summary>
public sealed class DiskFullTests
{
    private const int TmpfsBytes = 2 * 1024 * 1024;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string? UnavailableReason =>
        Environment.UserName != "root" ? "mounting a small tmpfs needs root; CI runs this test."
        : !File.Exists("/usr/bin/unshare") || !File.Exists("/usr/bin/nsenter") ? "unshare and nsenter (util-linux) are not installed."
        : null;

    [Fact]
    public async Task An_upload_that_fills_the_disk_is_a_507_with_nothing_kept_and_the_space_given_back()
    {
        if (UnavailableReason is { } reason)
        {
            // .ci/run sets this for the tests that need the machine's own servers and root: there, a skip is a failure.
            Assert.False(Environment.GetEnvironmentVariable("CMS_TEST_REQUIRE_REDIS") == "1", reason);
            Assert.Skip(reason);
        }

        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var media = Path.Combine(database.DataPath, "media");
        Directory.CreateDirectory(media);
        string[] settings = ["--Cms:Seed:Enabled", "false", "--Cms:Database:Migrate", "true"];
        const string email = "disk-full-editor@example.cn";
        var (code, output) = await CmsProcess.RunAsync(database, Staff.Password + "\n", ["users", "add", "--email", email, "--role", Roles.Editor, .. settings]);
        Assert.True(code == 0, output);

        var port = ServerProcess.FreePort();
        using var cms = ServerProcess.Start("PatentWeek.Cms.dll", port,
            ["--Cms:DataPath", database.DataPath, "--Cms:ContentPath", Repo.Content, "--Cms:ThemesPath", Repo.Themes, .. settings],
            launcher: ["unshare", "-m", "--propagation", "private", "--", "sh", "-c", $"mount -t tmpfs -o size={TmpfsBytes} tmpfs \"$0\" && exec \"$@\"", media]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await ServerProcess.UpAsync(http, "/health/ready");
        await Staff.BearerAsync(http, email, Staff.Password);

        await http.UploadOkAsync(TestImages.Jpeg(320, 200), "before.jpg");

        // A JPEG's first bytes (so it passes the sniffer and gets the image limit) and then more than the disk holds.
        var tooBig = new byte[3 * 1024 * 1024];
        Random.Shared.NextBytes(tooBig);
        TestImages.Jpeg(64, 64).AsSpan(0, 64).CopyTo(tooBig);
        var (status, problem) = await http.UploadAsync(tooBig, "too-big.jpg");
        Assert.True(status == HttpStatusCode.InsufficientStorage, $"{(int)status} {problem}\n{string.Join('\n', cms.Lines.TakeLast(20))}");
        Assert.Equal("Insufficient storage", problem.GetProperty("title").GetString());

        // Nothing kept: no row, no audit entry, no file left in the media folder's temporary files (seen from inside the
        // process's own mount namespace).
        var library = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/manage/v1/media", UriKind.Relative), Ct);
        Assert.Equal(1, library.GetProperty("total").GetInt32());
        await using (var db = database.CreateContext())
        {
            var uploads = Cms.Workflow.AuditActions.Key(Cms.Workflow.AuditAction.MediaUpload);
            Assert.Equal(1, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AuditEntries, a => a.Action == uploads, Ct));
        }

        Assert.Equal("", await InsideAsync(cms.Process.Id, "find", Path.Combine(media, "tmp"), "-type", "f"));

        // The space came back: the next upload of a few hundred kilobytes is stored.
        await http.UploadOkAsync(TestImages.Png(900, 700), "after.png");
        Assert.True(cms.Process is { HasExited: false });
    }

    private static async Task<string> InsideAsync(int pid, params string[] command)
    {
        var start = new ProcessStartInfo("nsenter") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["-t", pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "-m", "--", .. command])
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(Ct);
        var error = await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, error);
        return output.Trim();
    }
}
