using System.Text;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Site.Themes;

/// <summary>One folder under <c>themes/</c>: its manifest when valid, else why it cannot be chosen.</summary>
public sealed record ThemeInfo(string Key, string Folder, ThemeManifest? Manifest, string? Error)
{
    public bool Usable => Manifest is not null;
}

/// <summary>
/// The themes on disk, re-read without a restart: a theme folder added, removed or given a new <c>theme.json</c> shows
/// within <see cref="CheckInterval"/>. The hot path looks at the disk at most once per interval (a directory listing and
/// one timestamp per theme), never per request.
/// </summary>
public sealed class ThemeCatalog
{
    public const string DefaultTheme = "default";

    /// <summary>How stale the list may be on the hot path: short, so an edited theme shows at once, yet no disk call per request.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    private sealed record Snapshot(string Signature, IReadOnlyDictionary<string, ThemeInfo> Themes, long CheckedAt);

    private readonly string _themesPath;
    private Snapshot _snapshot;

    public ThemeCatalog(CmsPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        _themesPath = paths.ThemesPath;
        _snapshot = Scan(null);
    }

    public string ThemesPath => _themesPath;

    public string DefaultFolder => Path.Combine(_themesPath, DefaultTheme);

    /// <summary>Every theme folder, default first, then by key.</summary>
    public IReadOnlyList<ThemeInfo> All(bool fresh = false) =>
        [.. Current(fresh).Themes.Values.OrderBy(t => t.Key != DefaultTheme).ThenBy(t => t.Key, StringComparer.Ordinal)];

    /// <summary>The usable theme of that key, or null (unknown, or broken).</summary>
    public ThemeInfo? Find(string? key, bool fresh = false) =>
        key is not null && Current(fresh).Themes.TryGetValue(key, out var theme) && theme.Usable ? theme : null;

    /// <summary>The folder of the theme, or of the default theme when the theme is unknown or broken.</summary>
    public string FolderOf(string? key) => Find(key)?.Folder ?? DefaultFolder;

    /// <summary>Whether a folder name can be a theme's key (it is also a path segment of its asset URLs).</summary>
    public static bool IsKey(string? key) =>
        key is { Length: > 0 and <= 64 } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private Snapshot Current(bool fresh)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (!fresh && Environment.TickCount64 - snapshot.CheckedAt < CheckInterval.TotalMilliseconds)
            return snapshot;
        // Two requests may rescan at once: harmless, both find the same folders.
        var next = Scan(snapshot);
        Volatile.Write(ref _snapshot, next);
        return next;
    }

    private Snapshot Scan(Snapshot? previous)
    {
        var folders = Directory.Exists(_themesPath)
            ? Directory.GetDirectories(_themesPath).Where(f => IsKey(Path.GetFileName(f))).Order(StringComparer.Ordinal).ToList()
            : [];
        // The folder's own timestamp changes when a file is added or removed in it; theme.json's when it is edited.
        var signature = new StringBuilder();
        foreach (var folder in folders)
        {
            signature.Append(Path.GetFileName(folder)).Append('|')
                .Append(Directory.GetLastWriteTimeUtc(folder).Ticks).Append('|')
                .Append(File.GetLastWriteTimeUtc(Path.Combine(folder, ThemeManifest.FileName)).Ticks).Append(';');
        }

        var key = signature.ToString();
        if (previous is not null && previous.Signature == key)
            return previous with { CheckedAt = Environment.TickCount64 };

        var themes = new Dictionary<string, ThemeInfo>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var (manifest, error) = ThemeManifest.Read(folder);
            themes[Path.GetFileName(folder)] = new ThemeInfo(Path.GetFileName(folder), folder, manifest, error);
        }

        return new Snapshot(key, themes, Environment.TickCount64);
    }
}
