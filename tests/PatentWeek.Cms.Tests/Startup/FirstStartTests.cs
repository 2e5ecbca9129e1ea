using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Startup;

/// <summary>What a newcomer sees on the console of a first start, and the key ring's encryption at rest.</summary>
public sealed class FirstStartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_first_embedded_start_prints_the_accounts_and_the_address_and_no_warning()
    {
        await using var database = new SqliteTestDatabase();
        var port = ServerProcess.FreePort();
        // As `dotnet run` does: the project folder is the content root, and content/ and themes/ are found from it.
        using var cms = ServerProcess.Start("PatentWeek.Cms.dll", port,
            ["--contentRoot", Path.Combine(Repo.Root, "src", "PatentWeek.Cms"), "--Cms:DataPath", database.DataPath], logLevel: "Information");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await ServerProcess.UpAsync(http, "/health");
        // A first look around: the home page, an item, the sign-in form (which makes the first Data Protection key).
        foreach (var path in new[] { "/", "/admin/signin", "/api/v1/content?kind=news" })
            Assert.True((await http.GetAsync(new Uri(path, UriKind.Relative), Ct)).IsSuccessStatusCode, path);
        await cms.KillAsync();

        var lines = cms.Lines;
        var console = string.Join('\n', lines);
        Assert.Contains("admin@patentweek.test", console, StringComparison.Ordinal);
        Assert.Contains("Now listening on", console, StringComparison.Ordinal);
        var warnings = lines.Where(l => l.StartsWith("warn:", StringComparison.Ordinal) || l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)).ToList();
        Assert.True(warnings.Count == 0, "the first start warned: " + console);
    }

    [Fact]
    public async Task With_a_certificate_configured_the_key_ring_is_encrypted_at_rest_and_read_back_after_a_restart()
    {
        await using var database = new SqliteTestDatabase();
        var pfx = Path.Combine(database.DataPath, "keyring.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=PatentWeek key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "ring-pass"), Ct);
        }

        var settings = new Dictionary<string, string?> { [KeyRing.CertificatePathKey] = pfx, [KeyRing.CertificatePasswordKey] = "ring-pass" };
        string protectedText;
        await using (var app = new CmsApp(database, settings))
        {
            protectedText = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("专利周");
            // The ring lives in the database (every instance reads it there).
            await using var scope = app.Services.CreateAsyncScope();
            var keys = await scope.ServiceProvider.GetRequiredService<CmsDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync(Ct);
            Assert.NotEmpty(keys);
            foreach (var xml in keys)
            {
                Assert.NotNull(xml);
                Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            }
        }

        // A restart on the same folder and certificate reads the ring back: what was protected before is readable.
        await using (var app = new CmsApp(database, settings))
            Assert.Equal("专利周", app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_read_stops_the_start_naming_the_key()
    {
        await using var database = new SqliteTestDatabase();
        var bad = Path.Combine(database.DataPath, "not-a.pfx");
        await File.WriteAllTextAsync(bad, "not a certificate", Ct);
        await using var app = new CmsApp(database, new Dictionary<string, string?> { [KeyRing.CertificatePathKey] = bad });
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains(KeyRing.CertificatePathKey, error.ToString(), StringComparison.Ordinal);
    }
}
