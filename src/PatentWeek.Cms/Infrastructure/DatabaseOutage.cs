using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>
/// Whether an exception means the database cannot serve right now (down, restarting, refusing connections, out of
/// connections, or SQLite busy past its timeout) rather than a fault of this request or of the code. Such a request
/// is answered 503 with <c>Retry-After</c> at once, never a 500, and the next one tries again: the connection pools
/// reconnect by themselves once the server is back, so no restart of the CMS is needed.
/// </summary>
public static class DatabaseOutage
{
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Connection exceptions (08…), an administrator's or a crash's shutdown and "starting up" (57P01–57P03),
                // too many connections (53300).
                case PostgresException pg:
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03" or "53300";
                // No server answered: refused, reset, or timed out (connecting, waiting for a pooled connection, or a
                // command past its timeout: an overloaded server is "not now" as well).
                case NpgsqlException { InnerException: SocketException or IOException or TimeoutException }:
                    return true;
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED
                    return true;
            }
        }

        return false;
    }
}
