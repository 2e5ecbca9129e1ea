using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Media;

namespace PatentWeek.Cms.Cli;

/// <summary>
/// <c>backup &lt;folder&gt;</c> and <c>restore &lt;folder&gt;</c>. A backup is taken while the site runs: the database
/// first, as one consistent snapshot (SQLite's online backup API; <c>pg_dump</c>, which reads in one transaction),
/// the key ring with it (it lives in the database), then the media folder. Media files are named by their content and
/// written once, so every file the snapshot names is there when the folder is copied after it (a few newer ones too,
/// which nothing names). A restore goes into an empty target only, named by the usual configuration (the data folder,
/// <c>ConnectionStrings:Cms</c>), and never over a live site.
/// </summary>
internal static class BackupCommands
{
    private const string Manifest = "backup.json";
    private const string SqliteFile = "cms.db";
    private const string PostgresFile = "cms.pgdump";

    /// <summary>The media folders a backup carries: uploads in flight (<c>tmp/</c>) are not worth keeping.</summary>
    private static readonly string[] MediaFolders = ["public", "originals"];

    public static async Task<int> BackupAsync(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        if (arguments is not [var target])
            return await UsageAsync(error);
        var folder = Path.GetFullPath(target);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            await error.WriteLineAsync($"备份目录 {folder} 不是空的：请指定一个新的或空的目录。");
            return 1;
        }

        Directory.CreateDirectory(folder);
        var db = services.GetRequiredService<CmsDbContext>();
        var provider = services.GetRequiredService<IOptions<CmsOptions>>().Value.Database.Provider;
        if (provider == DatabaseProvider.PostgreSql)
        {
            var (code, message) = await PgAsync("pg_dump", db.Database.GetConnectionString()!, ["--format=custom", "--no-owner", "--file", Path.Combine(folder, PostgresFile)]);
            if (code != 0)
            {
                await error.WriteLineAsync("pg_dump 失败：" + message);
                return 1;
            }
        }
        else
        {
            await using var source = new SqliteConnection(db.Database.GetConnectionString());
            await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, SqliteFile), Pooling = false }.ToString());
            await source.OpenAsync();
            await copy.OpenAsync();
            source.BackupDatabase(copy);
        }

        var media = services.GetRequiredService<FolderMediaStore>();
        var files = 0;
        foreach (var name in MediaFolders)
            files += CopyTree(Path.Combine(media.Root, name), Path.Combine(folder, "media", name));

        var manifest = new BackupManifest(1, provider.ToString(), DateTimeOffset.UtcNow, files);
        await File.WriteAllTextAsync(Path.Combine(folder, Manifest), JsonSerializer.Serialize(manifest, JsonSerializerOptions.Web));
        await output.WriteLineAsync($"已备份到 {folder}：数据库（{provider}，含密钥环）和 {files} 个媒体文件。");
        return 0;
    }

    /// <summary>Runs before the usual start-up (which would migrate and seed the empty target), so it takes the provider from configuration.</summary>
    public static async Task<int> RestoreAsync(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        if (arguments is not [var source])
            return await UsageAsync(error);
        var folder = Path.GetFullPath(source);
        var manifestPath = Path.Combine(folder, Manifest);
        if (!File.Exists(manifestPath))
        {
            await error.WriteLineAsync($"{folder} 不是备份目录（缺少 {Manifest}）。");
            return 1;
        }

        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath), JsonSerializerOptions.Web)!;
        var provider = services.GetRequiredService<IOptions<CmsOptions>>().Value.Database.Provider;
        if (manifest.Provider != provider.ToString())
        {
            await error.WriteLineAsync($"备份来自 {manifest.Provider}，而当前配置的数据库是 {provider}。");
            return 1;
        }

        var media = services.GetRequiredService<FolderMediaStore>();
        if (MediaFolders.Any(name => Directory.Exists(Path.Combine(media.Root, name)) && Directory.EnumerateFileSystemEntries(Path.Combine(media.Root, name)).Any()))
        {
            await error.WriteLineAsync($"目标媒体目录 {media.Root} 不是空的：只能恢复到空的数据目录。");
            return 1;
        }

        var db = services.GetRequiredService<CmsDbContext>();
        var connection = db.Database.GetConnectionString()!;
        if (provider == DatabaseProvider.PostgreSql)
        {
            if (!await IsEmptyPostgresAsync(connection))
            {
                await error.WriteLineAsync("目标数据库不是空的：只能恢复到空数据库。");
                return 1;
            }

            var (code, message) = await PgAsync("pg_restore", connection, ["--no-owner", "--exit-on-error", Path.Combine(folder, PostgresFile)]);
            if (code != 0)
            {
                await error.WriteLineAsync("pg_restore 失败：" + message);
                return 1;
            }
        }
        else
        {
            var file = new SqliteConnectionStringBuilder(connection).DataSource;
            if (File.Exists(file) && new FileInfo(file).Length > 0)
            {
                await error.WriteLineAsync($"目标数据库文件 {file} 已存在：只能恢复到空的数据目录。");
                return 1;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            File.Copy(Path.Combine(folder, SqliteFile), file, overwrite: true);
        }

        var files = 0;
        foreach (var name in MediaFolders)
            files += CopyTree(Path.Combine(folder, "media", name), Path.Combine(media.Root, name));
        await output.WriteLineAsync($"已从 {folder} 恢复：数据库（{provider}，含密钥环）和 {files} 个媒体文件。");
        return 0;
    }

    private static async Task<int> UsageAsync(TextWriter error)
    {
        await error.WriteLineAsync("用法：backup <目录> | restore <目录>");
        return 2;
    }

    private static int CopyTree(string from, string to)
    {
        if (!Directory.Exists(from))
            return 0;
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: false);
            count++;
        }

        return count;
    }

    private static async Task<bool> IsEmptyPostgresAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        return (long)(await command.ExecuteScalarAsync() ?? 0L) == 0;
    }

    /// <summary>
    /// Runs a PostgreSQL client program (the newest installed, or the one on the PATH) against the database of the
    /// connection string; the password goes through the environment, never the command line.
    /// </summary>
    private static async Task<(int Code, string Message)> PgAsync(string program, string connectionString, string[] arguments)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", program)).Where(File.Exists).OrderBy(p => p, StringComparer.Ordinal).LastOrDefault()
            : null;
        var start = new ProcessStartInfo(installed ?? program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var (flag, value) in new[] { ("--host", cs.Host), ("--port", cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("--username", cs.Username), ("--dbname", cs.Database) })
        {
            if (!string.IsNullOrEmpty(value))
            {
                start.ArgumentList.Add(flag);
                start.ArgumentList.Add(value);
            }
        }

        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        if (!string.IsNullOrEmpty(cs.Password))
            start.Environment["PGPASSWORD"] = cs.Password;
        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, (await stderr).Trim());
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (127, $"{program} was not found ({e.Message}); install the PostgreSQL client programs.");
        }
    }

    private sealed record BackupManifest(int Version, string Provider, DateTimeOffset CreatedAt, int MediaFiles);
}
