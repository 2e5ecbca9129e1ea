using Microsoft.EntityFrameworkCore;

namespace PatentWeek.WeChat.Emulator;

/// <summary>
/// The emulator's file has no migrations: it is made with <c>EnsureCreated</c> and stamped with a schema version
/// (SQLite's <c>user_version</c>). A file from an emulator of another version is started afresh, since a test double's
/// state is not worth a migration, while a restart of the same version keeps everything.
/// </summary>
internal static class EmulatorSchema
{
    /// <summary>Raise with every change to the emulator's tables.</summary>
    public const int Version = 3;

    public static void Prepare(EmulatorDb db)
    {
        var database = db.Database;
        database.OpenConnection();
        try
        {
            if (Scalar(db, "PRAGMA user_version") != Version && Scalar(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'") > 0)
                database.EnsureDeleted();
        }
        finally
        {
            database.CloseConnection();
        }

        database.EnsureCreated();
        database.ExecuteSqlRaw($"PRAGMA user_version = {Version}");
    }

    private static int Scalar(EmulatorDb db, string sql)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
