using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Tests.Infrastructure;

/// <summary>
/// One running host per test class on a database of its own. PostgreSQL fixtures are skipped, with the
/// reason, when no server is configured; CI sets one and <c>CMS_TEST_REQUIRE_POSTGRES=1</c>, which
/// turns that skip into a failure.
/// </summary>
public abstract class AppFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private CmsApp? _app;
    private HttpClient? _client;

    public DatabaseProvider Provider => provider;

    /// <summary>The running host; a test that touches it is skipped when its provider is unavailable.</summary>
    public CmsApp App
    {
        get
        {
            RequireProvider();
            return _app ?? throw new InvalidOperationException("The fixture is not running.");
        }
    }

    public HttpClient Client
    {
        get
        {
            RequireProvider();
            return _client ?? throw new InvalidOperationException("The fixture is not running.");
        }
    }

    public static string? UnavailableReason(DatabaseProvider provider)
    {
        if (provider != DatabaseProvider.PostgreSql || TestDatabase.PostgresAdminConnectionString is not null)
            return null;
        if (Environment.GetEnvironmentVariable("CMS_TEST_REQUIRE_POSTGRES") == "1")
            throw new InvalidOperationException($"CMS_TEST_REQUIRE_POSTGRES=1 but {TestDatabase.PostgresVariable} is not set.");
        return $"PostgreSQL tests need {TestDatabase.PostgresVariable} (an admin connection string); .ci/run starts a server and sets it.";
    }

    /// <summary>Skips the calling test when its provider is not available here.</summary>
    public void RequireProvider()
    {
        if (UnavailableReason(provider) is { } reason)
            Assert.Skip(reason);
    }

    public async ValueTask InitializeAsync()
    {
        if (UnavailableReason(provider) is not null)
            return;
        _app = new CmsApp(await TestDatabase.CreateAsync(provider), Settings, Clock);
        _client = _app.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_app is null)
            return;
        _client?.Dispose();
        await _app.DisposeAsync();
        await _app.Database.DisposeAsync();
    }

    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    /// <summary>The host's clock when the fixture moves it (<see cref="ClockedApp"/>), else the system's.</summary>
    protected virtual TestClock? Clock => null;
}

/// <summary>A host whose clock the tests set: deadlines, lateness and reminders at the instants that matter.</summary>
public abstract class ClockedApp(DatabaseProvider provider) : AppFixture(provider)
{
    public TestClock Time { get; } = new();

    protected override TestClock? Clock => Time;
}

public sealed class ClockedSqliteApp() : ClockedApp(DatabaseProvider.Sqlite);

public sealed class ClockedPostgresApp() : ClockedApp(DatabaseProvider.PostgreSql);

public sealed class SqliteApp() : AppFixture(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : AppFixture(DatabaseProvider.PostgreSql);
