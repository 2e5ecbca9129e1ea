using System.Globalization;
using System.Text.RegularExpressions;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Site;

/// <summary>
/// The theme's stylesheet against the 适老化 numbers: every declared text/background pair (the list in its
/// accessibility section) reaches 4.5:1 by the WCAG formula, in the normal and the high-contrast palette; no rule ends
/// with a line height under 1.5; the switches' buttons are 44 px targets; sizes are relative where text scales.
/// </summary>
public sealed partial class AccessibilityCssTests
{
    private static readonly string Css = File.ReadAllText(Path.Combine(Repo.Themes, "default", "assets", "site.css"));

    /// <summary>The stylesheet without its comments, for reading rules.</summary>
    private static readonly string Code = Regex.Replace(Css, @"/\*.*?\*/", "", RegexOptions.Singleline);

    [Fact]
    public void Every_declared_colour_pair_reaches_four_and_a_half_to_one()
    {
        var colours = CustomProperty().Matches(Css).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        var list = PairList().Match(Css);
        Assert.True(list.Success, "site.css declares no contrast pairs");
        var pairs = list.Groups[1].Value.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        Assert.True(pairs.Length >= 8, $"only {pairs.Length} pairs declared");
        foreach (var pair in pairs)
        {
            var (text, background) = (pair.Split('/')[0], pair.Split('/')[1]);
            Assert.True(colours.ContainsKey(text) && colours.ContainsKey(background), $"{pair}: a colour is not declared as #rrggbb");
            var ratio = Contrast(colours[text], colours[background]);
            Assert.True(ratio >= 4.5, $"{pair}: {colours[text]} on {colours[background]} is {ratio:F2}:1");
        }
    }

    [Theory]
    [InlineData("#000000", "#ffffff", 21.0)]
    [InlineData("#777777", "#ffffff", 4.48)]
    [InlineData("#b3261e", "#fffdfa", 6.44)]
    public void The_contrast_formula_matches_known_values(string a, string b, double expected) =>
        Assert.Equal(expected, Contrast(a, b), 2);

    [Fact]
    public void No_rule_ends_with_a_line_height_under_one_and_a_half()
    {
        var last = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (Match rule in Rule().Matches(Code))
        {
            var height = LineHeight().Matches(rule.Groups[2].Value).LastOrDefault();
            if (height is null)
                continue;
            foreach (var selector in rule.Groups[1].Value.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0))
                last[selector] = double.Parse(height.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        Assert.Contains(":root", last.Keys);
        Assert.All(last, pair => Assert.True(pair.Value >= 1.5, $"{pair.Key} ends with line-height {pair.Value}"));
    }

    [Fact]
    public void Switches_and_links_are_44_pixel_targets_and_text_sizes_are_relative()
    {
        var bar = Rule().Matches(Code).Single(m => m.Groups[1].Value.Trim() == ".a11y-bar button").Groups[2].Value;
        Assert.Contains("min-width: 44px", bar, StringComparison.Ordinal);
        Assert.Contains("min-height: 44px", bar, StringComparison.Ordinal);
        var targets = Rule().Matches(Code).Single(m => m.Groups[1].Value.Contains(".nav a", StringComparison.Ordinal) && m.Groups[2].Value.Contains("min-height", StringComparison.Ordinal));
        Assert.Contains(".footer a", targets.Groups[1].Value, StringComparison.Ordinal);
        // Text that scales: no font size in pixels anywhere.
        Assert.DoesNotMatch(@"font-size:\s*[\d.]+px", Code);
        Assert.Matches(@"html\.a11y-font-large\s*\{\s*font-size:\s*1\d\d%", Css);
        Assert.Matches(@":focus-visible\s*\{\s*outline:\s*3px solid", Css);
    }

    /// <summary>WCAG 2 contrast ratio of two #rrggbb colours.</summary>
    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int i)
        {
            var c = int.Parse(hex.AsSpan(1 + (2 * i), 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(0)) + (0.7152 * Channel(1)) + (0.0722 * Channel(2));
    }

    [GeneratedRegex(@"(--[a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;")]
    private static partial Regex CustomProperty();

    [GeneratedRegex(@"contrast pairs:\s*([^*]+)\*/")]
    private static partial Regex PairList();

    [GeneratedRegex(@"([^{}]+)\{([^{}]*)\}")]
    private static partial Regex Rule();

    [GeneratedRegex(@"line-height:\s*([\d.]+)\s*[;}]?")]
    private static partial Regex LineHeight();
}
