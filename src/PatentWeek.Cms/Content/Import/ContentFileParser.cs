using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PatentWeek.Cms.Content.Import;

/// <summary>Splits <c>---</c>-fenced YAML front matter from the Markdown body; every error names file and line.</summary>
public static partial class ContentFileParser
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static ContentFile Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
            throw new ContentImportException(path, 1, "a content file must start with a '---' line opening its front matter");

        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (close < 0)
            throw new ContentImportException(path, lines.Length, "the front matter is never closed by a '---' line");

        var yaml = string.Join('\n', lines[1..close]);
        FrontMatter frontMatter;
        try
        {
            frontMatter = Yaml.Deserialize<FrontMatter?>(yaml) ?? new FrontMatter();
        }
        catch (YamlException e)
        {
            // The YAML starts on the file's second line.
            throw new ContentImportException(path, (int)e.Start.Line + 1, Describe(e));
        }

        var keyLines = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 1; i < close; i++)
        {
            var match = KeyPattern().Match(lines[i]);
            if (match.Success)
                keyLines.TryAdd(match.Groups[1].Value, i + 1);
        }

        var body = string.Join('\n', lines[(close + 1)..]).Trim('\n');
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return new ContentFile(path, frontMatter, body, hash, keyLines);
    }

    /// <summary>A YAML list file such as <c>cities.yml</c>.</summary>
    public static List<T> ParseList<T>(string path, string text)
    {
        try
        {
            return Yaml.Deserialize<List<T>?>(text) ?? [];
        }
        catch (YamlException e)
        {
            throw new ContentImportException(path, (int)e.Start.Line, Describe(e));
        }
    }

    /// <summary>A file holding one mapping (<c>site.yml</c>).</summary>
    public static T? ParseOne<T>(string path, string text)
        where T : class
    {
        try
        {
            return Yaml.Deserialize<T?>(text);
        }
        catch (YamlException e)
        {
            throw new ContentImportException(path, (int)e.Start.Line, Describe(e));
        }
    }

    private static string Describe(YamlException e)
    {
        var inner = e.InnerException?.Message;
        var message = e.Message.Contains("not found on type", StringComparison.Ordinal)
            ? "unknown key: " + e.Message[(e.Message.IndexOf('\'', StringComparison.Ordinal) + 1)..].Split('\'')[0]
            : e.Message;
        return inner is null ? message : $"{message} ({inner})";
    }

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9]*)\s*:")]
    private static partial Regex KeyPattern();
}
