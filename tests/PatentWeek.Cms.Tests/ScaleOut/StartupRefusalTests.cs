using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.ScaleOut;

/// <summary>A malformed setting stops start-up with a message naming its key, never a stack trace at the first request.</summary>
public sealed class StartupRefusalTests
{
    [Theory]
    [InlineData("Cms:Redis", "127.0.0.1:6379,nosuchoption=1", "Cms:Redis")]
    [InlineData("Cms:ForwardedHeaders:KnownProxies:0", "nginx.local", "Cms:ForwardedHeaders:KnownProxies")]
    [InlineData("Cms:ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99", "Cms:ForwardedHeaders:KnownNetworks")]
    [InlineData("Cms:Metrics:Port", "70000", "Cms:Metrics:Port")]
    public async Task A_malformed_setting_stops_the_start_naming_it(string key, string value, string named)
    {
        await using var database = new SqliteTestDatabase();
        await using var app = new CmsApp(database, new Dictionary<string, string?> { [key] = value });
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_PostgreSQL_connection_string_stops_the_start_naming_it()
    {
        await using var database = new SqliteTestDatabase();
        await using var app = new CmsApp(database, new Dictionary<string, string?>
        {
            ["Cms:Database:Provider"] = nameof(DatabaseProvider.PostgreSql),
            ["ConnectionStrings:Cms"] = "Host=127.0.0.1;Port=not-a-port",
        });
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("ConnectionStrings:Cms", error.ToString(), StringComparison.Ordinal);
    }
}
