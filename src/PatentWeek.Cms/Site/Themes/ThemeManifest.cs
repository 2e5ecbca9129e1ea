using System.Text.Json;

namespace PatentWeek.Cms.Site.Themes;

/// <summary>
/// A theme's <c>theme.json</c>: its Chinese display name, version, description, the templates it has and, optionally,
/// the asset used as the default share image. Read at run time; a folder whose file is missing or invalid is a broken
/// theme, listed with the reason and never served.
/// </summary>
public sealed record ThemeManifest(string Name, string Version, string Description, IReadOnlyList<string> Templates, string? Cover)
{
    public const string FileName = "theme.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private sealed class Raw
    {
        public string? Name { get; set; }
        public string? Version { get; set; }
        public string? Description { get; set; }
        public List<string?>? Templates { get; set; }
        public string? Cover { get; set; }
    }

    /// <summary>The manifest of the theme in <paramref name="folder"/>, or why there is none (in Chinese, for the admin).</summary>
    public static (ThemeManifest? Manifest, string? Error) Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
            return (null, "缺少 theme.json。");

        Raw? raw;
        try
        {
            raw = JsonSerializer.Deserialize<Raw>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            return (null, $"theme.json 不是有效的 JSON（第 {(e.LineNumber ?? 0) + 1} 行）。");
        }
        catch (IOException)
        {
            return (null, "theme.json 无法读取。");
        }

        return Validate(raw, folder);
    }

    private static (ThemeManifest?, string?) Validate(Raw? raw, string folder)
    {
        if (raw is null)
            return (null, "theme.json 为空。");
        if (string.IsNullOrWhiteSpace(raw.Name))
            return (null, "theme.json 缺少名称（name）。");
        if (string.IsNullOrWhiteSpace(raw.Version))
            return (null, "theme.json 缺少版本（version）。");
        if (raw.Templates is not { Count: > 0 })
            return (null, "theme.json 未列出模板（templates）。");

        var templates = new List<string>();
        foreach (var entry in raw.Templates)
        {
            var name = entry?.Trim() ?? "";
            if (name.EndsWith(".liquid", StringComparison.Ordinal))
                name = name[..^".liquid".Length];
            if (!IsPlainName(name))
                return (null, $"theme.json 的模板名“{entry}”无效。");
            if (!File.Exists(Path.Combine(folder, name + ".liquid")))
                return (null, $"theme.json 列出的模板 {name}.liquid 不存在。");
            templates.Add(name);
        }

        var cover = string.IsNullOrWhiteSpace(raw.Cover) ? null : raw.Cover.Trim();
        if (cover is not null && (!IsPlainName(cover) || !File.Exists(Path.Combine(folder, "assets", cover))))
            return (null, $"theme.json 的封面 {cover} 不在 assets 文件夹中。");

        return (new ThemeManifest(raw.Name.Trim(), raw.Version.Trim(), raw.Description?.Trim() ?? "", templates, cover), null);
    }

    /// <summary>A file name without folders: letters, digits, dash, underscore and dots (never "..").</summary>
    internal static bool IsPlainName(string name) =>
        name.Length is > 0 and <= 100 && !name.Contains("..", StringComparison.Ordinal) && name[0] != '.'
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
