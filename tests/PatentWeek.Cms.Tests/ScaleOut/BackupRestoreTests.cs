using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.ScaleOut;

/// <summary>
/// <c>backup</c> taken from the real executable while the site runs, <c>restore</c> into an empty data folder or an
/// empty database; the restored site serves the same content and media, and the same people sign in with the same
/// passwords and the key ring reads what the first site protected.
/// </summary>
public sealed class BackupRestoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_backup_of_a_running_site_restores_to_the_same_content_media_and_sign_ins(DatabaseProvider provider)
    {
        if (AppFixture.UnavailableReason(provider) is { } reason)
            Assert.Skip(reason);
        await using var source = await TestDatabase.CreateAsync(provider);
        await using var target = await TestDatabase.CreateAsync(provider);
        var backup = Path.Combine(Path.GetTempPath(), "patentweek-tests", "backup-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await BackUpAndRestoreAsync(source, target, backup);
        }
        finally
        {
            if (Directory.Exists(backup))
                Directory.Delete(backup, recursive: true);
        }
    }

    private static async Task BackUpAndRestoreAsync(TestDatabase source, TestDatabase target, string backup)
    {

        string protectedText, content, email;
        Dictionary<string, string> media;
        await using (var site = new CmsApp(source))
        {
            var editor = await Staff.SignInAsync(site, Roles.Editor);
            email = editor.Email;
            var slug = TestContent.UniqueSlug("backup");
            var id = await editor.Client.CreateAsync(new { kind = "news", title = "备份 " + slug, body = "正文", slug });
            await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");
            protectedText = site.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("backup").Protect("专利周");
            content = await site.CreateClient().GetStringAsync(new Uri("/api/v1/content?pageSize=50", UriKind.Relative), Ct);
            media = Files(Path.Combine(source.DataPath, "media"));
            Assert.NotEmpty(media);

            // Taken while the site above still runs.
            var (code, output) = await CmsProcess.RunAsync(source, "", ["backup", backup, .. ProviderArgs(source)]);
            Assert.True(code == 0, output);
        }

        var (restored, said) = await CmsProcess.RunAsync(target, "", ["restore", backup, .. ProviderArgs(target)]);
        Assert.True(restored == 0, said);
        // A second restore over what is there now is refused, and changes nothing.
        var (again, refusal) = await CmsProcess.RunAsync(target, "", ["restore", backup, .. ProviderArgs(target)]);
        Assert.NotEqual(0, again);
        Assert.Contains("空", refusal, StringComparison.Ordinal);

        Assert.Equal(media, Files(Path.Combine(target.DataPath, "media")));
        await using var copy = new CmsApp(target);
        Assert.Equal(content, await copy.CreateClient().GetStringAsync(new Uri("/api/v1/content?pageSize=50", UriKind.Relative), Ct));
        Assert.Equal("专利周", copy.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("backup").Unprotect(protectedText));
        using var signIn = await copy.CreateClient().PostAsJsonAsync("/api/manage/v1/tokens", new { email, password = Staff.Password }, Ct);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);

        // A public file (a rendition of the seed's pictures) is served by the restored site with the same bytes.
        var file = media.Keys.First(k => k.StartsWith("public", StringComparison.Ordinal));
        var bytes = await copy.CreateClient().GetByteArrayAsync(new Uri("/media/" + Path.GetRelativePath("public", file).Replace('\\', '/'), UriKind.Relative), Ct);
        Assert.Equal(media[file], Convert.ToHexString(SHA256.HashData(bytes)));
    }

    private static string[] ProviderArgs(TestDatabase database) =>
        ["--Cms:Database:Provider", database.Provider.ToString(), "--ConnectionStrings:Cms", database.ConnectionString];

    /// <summary>Every media file (uploads in flight aside) by its path under the folder, with a hash of its bytes.</summary>
    private static Dictionary<string, string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).StartsWith("tmp", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);
}
