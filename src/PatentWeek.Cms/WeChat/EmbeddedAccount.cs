using System.Security.Cryptography;
using System.Text.Json;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.WeChat;

/// <summary>
/// The emulated account of the embedded mode: AppId, secret, push token and AES key made up once and kept in
/// <c>&lt;DataPath&gt;/wechat-emulator/account.json</c>, so the CMS and the emulator it hosts agree across restarts.
/// </summary>
public sealed class EmbeddedAccount(CmsPaths paths)
{
    private readonly Lazy<Values> _values = new(() => LoadOrCreate(Path.Combine(paths.DataPath, "wechat-emulator")));

    public sealed record Values(string AppId, string AppSecret, string Token, string EncodingAesKey);

    public string Folder => Path.Combine(paths.DataPath, "wechat-emulator");

    public Values Current => _values.Value;

    private static Values LoadOrCreate(string folder)
    {
        var file = Path.Combine(folder, "account.json");
        if (File.Exists(file) && JsonSerializer.Deserialize<Values>(File.ReadAllText(file)) is { } saved)
            return saved;
        Directory.CreateDirectory(folder);
        const string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var values = new Values(
            "wx" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            RandomNumberGenerator.GetString(letters, 32),
            RandomNumberGenerator.GetString(letters, 43));
        // Written aside and moved, so two processes starting on one folder both end up with one complete file.
        var temp = file + "." + Guid.NewGuid().ToString("N");
        File.WriteAllText(temp, JsonSerializer.Serialize(values));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite); // it holds the secret and AES key
        try
        {
            File.Move(temp, file, overwrite: false);
        }
        catch (IOException)
        {
            File.Delete(temp);
            return JsonSerializer.Deserialize<Values>(File.ReadAllText(file))!;
        }

        return values;
    }
}
