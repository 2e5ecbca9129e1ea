using PatentWeek.Cms.Content.Import;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Cli;

/// <summary>
/// Commands on the same executable (<c>PatentWeek.Cms import &lt;folder&gt;</c>). They run after the same
/// start-up as the server (configuration, migrations, seed), then exit instead of serving.
/// </summary>
public sealed record CmsCommand(string Name, IReadOnlyList<string> Arguments)
{
    private static readonly string[] Names = ["import", "export"];

    /// <summary>Splits a leading command and its plain arguments from the host's own <c>--key value</c> settings.</summary>
    public static (CmsCommand? Command, string[] HostArgs) Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || !Names.Contains(args[0], StringComparer.Ordinal))
            return (null, args);
        var plain = args.Skip(1).TakeWhile(a => !a.StartsWith('-')).ToArray();
        return (new CmsCommand(args[0], plain), args[(1 + plain.Length)..]);
    }

    public async Task<int> RunAsync(IHost app, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (Arguments.Count != 1)
        {
            await error.WriteLineAsync($"usage: {Name} <folder>");
            return 2;
        }

        var folder = Path.GetFullPath(Arguments[0]);
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            if (Name == "import")
            {
                var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(folder, includeSamples: true);
                await output.WriteLineAsync($"imported {folder}: {report}");
            }
            else
            {
                var count = await scope.ServiceProvider.GetRequiredService<ContentExporter>().ExportAsync(folder);
                await output.WriteLineAsync($"exported {count} items to {folder}");
            }

            return 0;
        }
        catch (ContentImportException e)
        {
            await error.WriteLineAsync($"import failed, nothing was imported: {e.Message}");
            return 1;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException e)
        {
            await error.WriteLineAsync($"import failed, nothing was imported: {e.InnerException?.Message ?? e.Message}");
            return 1;
        }
    }
}
