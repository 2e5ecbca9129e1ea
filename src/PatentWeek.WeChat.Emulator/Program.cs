namespace PatentWeek.WeChat.Emulator;

/// <summary>
/// Runs alone: <c>dotnet run --project src/PatentWeek.WeChat.Emulator</c> (settings under <c>WeChatEmulator:*</c>).
/// A named class, not top-level statements, so hosts that reference the emulator keep their own <c>Program</c>.
/// </summary>
internal static class EmulatorProgram
{
    private static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddWeChatEmulator();
        var app = builder.Build();
        app.MapWeChatEmulator();
        app.Run();
    }
}
