using System.Globalization;
using System.Text.RegularExpressions;
using Fluid;

namespace PatentWeek.Cms.Site.Themes;

/// <summary>A template that fails: its file, the line Fluid names (when it names one) and Fluid's reason.</summary>
public sealed partial record TemplateProblem(string File, int? Line, string Reason)
{
    /// <summary>What the admin shows: 模板 item.liquid 第 12 行：… (Fluid's own words after the colon).</summary>
    public string Text => Line is { } line ? $"模板 {File} 第 {line} 行：{Reason}" : $"模板 {File}：{Reason}";

    /// <summary>Fluid's parse error, which ends in the position as <c>at (line:column)</c>.</summary>
    public static TemplateProblem FromParseError(string file, string error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var match = Position().Match(error);
        return new TemplateProblem(file, match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null, error.Trim());
    }

    /// <summary>Parses every template of a theme folder and lists the ones that fail, in file order.</summary>
    public static IReadOnlyList<TemplateProblem> Check(string folder)
    {
        if (!Directory.Exists(folder))
            return [];
        var parser = new FluidParser();
        var problems = new List<TemplateProblem>();
        foreach (var path in Directory.GetFiles(folder, "*.liquid").Order(StringComparer.Ordinal))
        {
            string source;
            try
            {
                source = System.IO.File.ReadAllText(path);
            }
            catch (IOException e)
            {
                problems.Add(new TemplateProblem(Path.GetFileName(path), null, "无法读取：" + e.Message));
                continue;
            }

            if (!parser.TryParse(source, out _, out var error))
                problems.Add(FromParseError(Path.GetFileName(path), error));
        }

        return problems;
    }

    [GeneratedRegex(@"\((\d+):(\d+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Position();
}

/// <summary>A theme template failed to parse; the renderer turns it into the public 500 page and a logged warning.</summary>
public sealed class ThemeTemplateException(TemplateProblem problem) : Exception(problem?.Text)
{
    public TemplateProblem Problem { get; } = problem ?? throw new ArgumentNullException(nameof(problem));
}
