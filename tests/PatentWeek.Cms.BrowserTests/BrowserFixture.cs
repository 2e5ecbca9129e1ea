using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(PatentWeek.Cms.BrowserTests.BrowserFixture))]

namespace PatentWeek.Cms.BrowserTests;

/// <summary>
/// One headless Chromium (Debian's, driven by Playwright without its own browser download) for the whole
/// run. Where no Chromium is installed the tests are skipped with that reason; CI installs it and sets
/// <c>CMS_TEST_REQUIRE_BROWSER=1</c>, which turns the skip into a failure.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    /// <summary>Where screenshots go: <c>CMS_TEST_ARTIFACTS</c> (CI sets it), else beside the test binaries.</summary>
    public static string ArtifactsPath { get; } =
        Environment.GetEnvironmentVariable("CMS_TEST_ARTIFACTS") is { Length: > 0 } path ? path : Path.Combine(AppContext.BaseDirectory, "artifacts");

    public string? UnavailableReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            UnavailableReason = $"Browser tests need Debian's Chromium at {ChromiumPath} (apt-get install chromium fonts-noto-cjk); .ci/run installs it.";
            if (Environment.GetEnvironmentVariable("CMS_TEST_REQUIRE_BROWSER") == "1")
                throw new InvalidOperationException(UnavailableReason);
            return;
        }

        Directory.CreateDirectory(ArtifactsPath);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public void RequireBrowser()
    {
        if (UnavailableReason is { } reason)
            Assert.Skip(reason);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
