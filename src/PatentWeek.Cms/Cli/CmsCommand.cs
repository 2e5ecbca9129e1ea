namespace PatentWeek.Cms.Cli;

/// <summary>
/// Commands on the same executable: <c>import &lt;folder&gt;</c>, <c>export &lt;folder&gt;</c>,
/// <c>users add|list|disable</c>, <c>site-health [--url &lt;address&gt;]</c>, <c>search rebuild</c>, <c>migrate</c>,
/// <c>backup &lt;folder&gt;</c>, <c>restore &lt;folder&gt;</c>. They run after the same start-up as the server (configuration,
/// migrations; the seed only for <c>users</c>, which must work on a fresh data folder), then exit.
/// </summary>
public sealed record CmsCommand(string Name, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Options)
{
    private static readonly string[] Names = ["import", "export", "users", "site-health", "search", "migrate", "backup", "restore"];
    private static readonly string[] UserOptions = ["--email", "--role", "--city", "--url"];

    /// <summary>
    /// Whether the start-up seed runs first: not before an import or export, which must see only their own data; for
    /// <c>migrate</c> as configured (in production only with <c>Cms:Seed:Enabled</c>), so the seed is loaded once too.
    /// </summary>
    public bool Seeds => Name is "users" or "migrate";

    /// <summary><c>migrate</c> applies the migrations whatever <c>Cms:Database:Migrate</c> says: the production sequence runs it once, before the instances.</summary>
    public bool Migrates => Name == "migrate";

    /// <summary>Whether the usual start-up (migrations, seed) runs first: not before a restore, whose target must stay empty for it.</summary>
    public bool Initializes => Name != "restore";

    /// <summary>Splits a leading command, its arguments and its own options from the host's settings.</summary>
    public static (CmsCommand? Command, string[] HostArgs) Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || !Names.Contains(args[0], StringComparer.Ordinal))
            return (null, args);

        var plain = args.Skip(1).TakeWhile(a => !a.StartsWith('-')).ToArray();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var host = new List<string>();
        for (var i = 1 + plain.Length; i < args.Length; i++)
        {
            if (UserOptions.Contains(args[i], StringComparer.Ordinal) && i + 1 < args.Length)
                options[args[i][2..]] = args[++i];
            else
                host.Add(args[i]);
        }

        return (new CmsCommand(args[0], plain, options), host.ToArray());
    }

    public async Task<int> RunAsync(IServiceProvider services, TextReader input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        return Name switch
        {
            "users" => await new UsersCommand(scope.ServiceProvider, input, output, error).RunAsync(Arguments, Options),
            "site-health" => await SiteHealthCommand.RunAsync(scope.ServiceProvider, Options, output, error),
            "search" => await SearchCommand.RunAsync(scope.ServiceProvider, Arguments, output, error),
            "migrate" => await MigratedAsync(output),
            "backup" => await BackupCommands.BackupAsync(scope.ServiceProvider, Arguments, output, error),
            "restore" => await BackupCommands.RestoreAsync(scope.ServiceProvider, Arguments, output, error),
            _ => await ContentCommands.RunAsync(scope.ServiceProvider, Name, Arguments, output, error),
        };
    }

    private static async Task<int> MigratedAsync(TextWriter output)
    {
        await output.WriteLineAsync("数据库已迁移到最新结构。");
        return 0;
    }
}
