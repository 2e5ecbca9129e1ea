using PatentWeek.Cms;
using PatentWeek.Cms.Cli;
using PatentWeek.Cms.Infrastructure;

var (command, hostArgs) = CmsCommand.Parse(args);

var builder = WebApplication.CreateBuilder(hostArgs);
builder.AddCms();

var app = builder.Build();
app.MapCms();
if (command?.Initializes != false)
    await app.InitializeCmsAsync(seed: command?.Seeds ?? true, migrate: command?.Migrates ?? false);

if (command is not null)
    return await command.RunAsync(app.Services, Console.In, Console.Out, Console.Error);

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
