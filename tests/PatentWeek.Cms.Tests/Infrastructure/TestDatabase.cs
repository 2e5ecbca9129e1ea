using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Tests.Infrastructure;

/// <summary>
/// A database of its own for one fixture: a SQLite file in a temporary data folder, or a fresh
/// PostgreSQL database on the server named by <c>CMS_TEST_POSTGRES</c>. Tests never share data.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CMS_TEST_POSTGRES";

    protected TestDatabase()
    {
        DataPath = Path.Combine(Path.GetTempPath(), "patentweek-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(DataPath);
    }

    public string DataPath { get; }
    public abstract DatabaseProvider Provider { get; }
    public abstract string ConnectionString { get; }

    public static string? PostgresAdminConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.PostgreSql => await PostgresTestDatabase.CreateAsync(),
        _ => new SqliteTestDatabase(),
    };

    public CmsDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<CmsDbContext>();
        DataServices.Configure(options, Provider, ConnectionString, DataPath);
        return new CmsDbContext(options.Options);
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temp folder is cleaned by the OS later.
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class SqliteTestDatabase : TestDatabase
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    public override string ConnectionString => $"Data Source={Path.Combine(DataPath, "cms.db")}";

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        return base.DisposeAsync();
    }
}

public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _name = "cms_test_" + Guid.NewGuid().ToString("N")[..16];
    private string _connectionString = "";
    private string _admin = "";

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    public override string ConnectionString => _connectionString;

    public static Task<PostgresTestDatabase> CreateAsync() =>
        CreateAsync(PostgresAdminConnectionString ?? throw new InvalidOperationException($"{PostgresVariable} is not set."));

    /// <summary>A database on the server of this admin connection string (a test's own cluster).</summary>
    public static async Task<PostgresTestDatabase> CreateAsync(string admin)
    {
        var db = new PostgresTestDatabase { _admin = admin };
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{db._name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
            await create.ExecuteNonQueryAsync();
        }

        db._connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = db._name }.ConnectionString;
        return db;
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_admin.Length > 0)
        {
            await using var connection = new NpgsqlConnection(_admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        await base.DisposeAsync();
    }
}
