using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace PatentWeek.Cms.Site.Themes;

/// <summary>
/// Content-hashed asset names: <c>site.css</c> is linked as <c>site.4f3a9c1e2b.css</c> (the first 10 hex digits of its
/// SHA-256), so it can be cached for a year and a changed file gets a new name. A theme without the asset uses the
/// default theme's. Hashes are re-checked against the file's timestamp at most once per <see cref="ThemeCatalog.CheckInterval"/>.
/// </summary>
public sealed partial class AssetFingerprints(ThemeCatalog catalog)
{
    public const int HashLength = 10;

    private sealed record Entry(string Hash, DateTime Written, long Length, long CheckedAt);

    private readonly ConcurrentDictionary<string, Entry> _hashes = new(StringComparer.Ordinal);

    /// <summary>
    /// The root-relative URL of <paramref name="file"/> (<c>site.css</c>, <c>img/logo.svg</c>) of the theme, fingerprinted;
    /// the default theme's when the theme lacks it; the plain name when neither has it (the link then answers 404, as it would).
    /// </summary>
    public string Url(string theme, string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var name = file.TrimStart('/');
        if (!IsAssetName(name))
            return $"/themes/{theme}/assets/{name}";

        foreach (var key in theme == ThemeCatalog.DefaultTheme ? [theme] : new[] { theme, ThemeCatalog.DefaultTheme })
        {
            var path = Path.Combine(catalog.ThemesPath, key, "assets", name);
            if (HashOf(path) is { } hash)
                return $"/themes/{key}/assets/{Fingerprinted(name, hash)}";
        }

        return $"/themes/{theme}/assets/{name}";
    }

    /// <summary>
    /// For a requested asset name (<c>site.4f3a9c1e2b.css</c>) the file's own name (<c>site.css</c>) and whether the hash is
    /// the file's current one (only then may it be cached for good); false when the name carries no fingerprint.
    /// </summary>
    public static bool TryStrip(string requested, out string plain, out string hash)
    {
        var match = FingerprintedName().Match(requested);
        plain = match.Success ? match.Groups["stem"].Value + match.Groups["ext"].Value : requested;
        hash = match.Success ? match.Groups["hash"].Value : "";
        return match.Success;
    }

    /// <summary>The current hash of a file, or null when it does not exist.</summary>
    public string? HashOf(string path)
    {
        var now = Environment.TickCount64;
        if (_hashes.TryGetValue(path, out var entry) && now - entry.CheckedAt < ThemeCatalog.CheckInterval.TotalMilliseconds)
            return entry.Hash;

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            _hashes.TryRemove(path, out _);
            return null;
        }

        if (entry is not null && entry.Written == info.LastWriteTimeUtc && entry.Length == info.Length)
        {
            _hashes[path] = entry with { CheckedAt = now };
            return entry.Hash;
        }

        string hash;
        try
        {
            using var stream = info.OpenRead();
            hash = Convert.ToHexStringLower(SHA256.HashData(stream))[..HashLength];
        }
        catch (IOException)
        {
            return entry?.Hash;
        }

        _hashes[path] = new Entry(hash, info.LastWriteTimeUtc, info.Length, now);
        return hash;
    }

    private static string Fingerprinted(string name, string hash)
    {
        var slash = name.LastIndexOf('/') + 1;
        var dot = name.LastIndexOf('.');
        return dot > slash ? $"{name[..dot]}.{hash}{name[dot..]}" : $"{name}.{hash}";
    }

    private static bool IsAssetName(string name) => name.Split('/').All(ThemeManifest.IsPlainName);

    [GeneratedRegex(@"^(?<stem>.+)\.(?<hash>[0-9a-f]{10})(?<ext>\.[A-Za-z0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FingerprintedName();
}
