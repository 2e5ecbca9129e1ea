using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PatentWeek.Cms.Content;

/// <summary>
/// URL slugs: lower-case ASCII, digits and single hyphens. Chinese titles do not transliterate well, so
/// an item without a usable ASCII title gets the date and a short id instead (<c>20191130-3f9a1c</c>).
/// </summary>
public static partial class Slugs
{
    public const int MaxLength = 120;

    public static bool IsValid(string? slug) =>
        slug is { Length: > 0 and <= MaxLength } && SlugPattern().IsMatch(slug);

    /// <summary>
    /// A slug for a title. <paramref name="seed"/> fixes the short id, so the same source (a seed file's
    /// path, say) always gets the same slug; without it the id is random.
    /// </summary>
    public static string Generate(string title, DateOnly date, string? seed = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        var ascii = FromAsciiTitle(title);
        if (ascii is not null)
            return ascii;

        var id = seed is null
            ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..6];
        return date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + id;
    }

    /// <summary>A slug that depends only on <paramref name="seed"/> (a file's path): the date and a short hash.</summary>
    public static string FromSeed(DateOnly date, string seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        return date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..6];
    }

    /// <summary>A slug from a title written mostly in ASCII; null when too little of it is ASCII.</summary>
    private static string? FromAsciiTitle(string title)
    {
        var builder = new StringBuilder();
        var asciiLetters = 0;
        foreach (var c in title.Normalize(NormalizationForm.FormKD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
                asciiLetters++;
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '_' or '.' or '/')
            {
                builder.Append('-');
            }
            else if (c > 127)
            {
                return null;
            }
        }

        var slug = Hyphens().Replace(builder.ToString(), "-").Trim('-');
        if (asciiLetters < 3 || slug.Length == 0)
            return null;
        return slug.Length <= 60 ? slug : slug[..60].TrimEnd('-');
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Hyphens();
}
