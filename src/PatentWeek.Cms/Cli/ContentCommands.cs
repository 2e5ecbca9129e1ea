using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Content.Import;

namespace PatentWeek.Cms.Cli;

/// <summary><c>import &lt;folder&gt;</c> and <c>export &lt;folder&gt;</c>.</summary>
internal static class ContentCommands
{
    public static async Task<int> RunAsync(IServiceProvider services, string name, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        if (arguments.Count != 1)
        {
            await error.WriteLineAsync($"usage: {name} <folder>");
            return 2;
        }

        var folder = Path.GetFullPath(arguments[0]);
        try
        {
            if (name == "import")
            {
                var report = await services.GetRequiredService<ContentImporter>().ImportAsync(folder, includeSamples: true);
                await output.WriteLineAsync($"imported {folder}: {report}");
            }
            else
            {
                var count = await services.GetRequiredService<ContentExporter>().ExportAsync(folder);
                await output.WriteLineAsync($"exported {count} items to {folder}");
            }

            return 0;
        }
        catch (ContentImportException e)
        {
            await error.WriteLineAsync($"import failed, nothing was imported: {e.Message}");
            return 1;
        }
        catch (DbUpdateException e)
        {
            await error.WriteLineAsync($"import failed, nothing was imported: {e.InnerException?.Message ?? e.Message}");
            return 1;
        }
    }
}
