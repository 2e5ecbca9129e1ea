using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Data;

namespace PatentWeek.Cms.Tests.Infrastructure;

/// <summary>
/// The real host (<c>Program</c>) on a test database, in the Production environment so error pages are
/// the ones the public would get. Settings can be added per fixture, and a clock a test moves.
/// </summary>
public sealed class CmsApp(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, TestClock? clock = null) : WebApplicationFactory<Program>
{
    public TestDatabase Database => database;

    public CmsDbContext CreateContext() => Services.CreateScope().ServiceProvider.GetRequiredService<CmsDbContext>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Cms:Mode", "Embedded");
        builder.UseSetting("Cms:DataPath", database.DataPath);
        builder.UseSetting("Cms:Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Cms", database.ConnectionString);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Cms:PublicBaseUrl", "https://zscq.example.cn");
        // Fixtures sign many people in from one address; the limit itself is tested with its default.
        builder.UseSetting("Cms:SignInAttemptsPerMinute", "100000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        if (clock is not null)
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
    }
}
