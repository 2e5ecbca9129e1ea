using PatentWeek.WeChat.Emulator;

// Runs alone: `dotnet run --project src/PatentWeek.WeChat.Emulator` (settings under WeChatEmulator:*).
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddWeChatEmulator();
var app = builder.Build();
app.MapWeChatEmulator();
app.Run();
