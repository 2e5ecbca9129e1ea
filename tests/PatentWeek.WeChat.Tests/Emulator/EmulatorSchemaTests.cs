using Microsoft.Data.Sqlite;

namespace PatentWeek.WeChat.Tests.Emulator;

/// <summary>The emulator's file keeps its state across restarts of the same version, and starts afresh after a schema change.</summary>
public sealed class EmulatorSchemaTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task State_survives_a_restart_and_a_file_of_another_schema_version_starts_afresh()
    {
        var folder = Path.Combine(Path.GetTempPath(), "wechat-emulator-tests", "schema-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await using (var first = await EmulatorHost.StartAsync(o => o.DataPath = folder))
                await first.Materials.AddAsync("image", TestFiles.Jpeg, "kept.jpg", "image/jpeg", Ct);
            await using (var second = await EmulatorHost.StartAsync(o => o.DataPath = folder))
                Assert.Equal(1, (await second.Materials.CountAsync(Ct)).ImageCount);

            // A file written by an emulator with other tables.
            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "emulator.db")}"))
            {
                await connection.OpenAsync(Ct);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA user_version = 1";
                await command.ExecuteNonQueryAsync(Ct);
            }

            SqliteConnection.ClearAllPools();
            await using var third = await EmulatorHost.StartAsync(o => o.DataPath = folder);
            Assert.Equal(0, (await third.Materials.CountAsync(Ct)).ImageCount);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }
}
