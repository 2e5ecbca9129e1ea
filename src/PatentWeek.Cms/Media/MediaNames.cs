using System.Text;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Media;

/// <summary>
/// The uploader's file name is kept as metadata only (it is never part of a stored path). A name that tries to
/// be a path or carries control characters is refused outright; otherwise it is trimmed, stripped of
/// characters no file system takes, and given the extension of the type the bytes proved.
/// </summary>
public static class MediaNames
{
    private const int MaxLength = 120;
    private static readonly char[] Forbidden = ['<', '>', ':', '"', '|', '?', '*'];

    public static string Sanitise(string? name, string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var raw = name ?? "";
        if (raw.Contains('/') || raw.Contains('\\') || raw.Trim() is "." or "..")
            throw new MediaRejectedException("The file name may not contain a path ('/', '\\' or '..'); send the name only.");
        // The text rule, and more for a name, which is one line: no tab or line break either, and none of the
        // bidirectional overrides that make "gpj.exe" read as "exe.jpg".
        if (ControlCharacters.Find(raw) >= 0 || raw.Any(c => c is '\t' or '\r' or '\n' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'))
            throw new MediaRejectedException("The file name contains control characters; rename the file and upload it again.");

        var clean = new StringBuilder(raw.Length);
        foreach (var c in raw.Normalize(NormalizationForm.FormC))
            clean.Append(Array.IndexOf(Forbidden, c) >= 0 ? '_' : c);
        var stem = Path.GetFileNameWithoutExtension(clean.ToString()).Trim().Trim('.');
        if (stem.Length == 0)
            stem = "file";
        if (stem.Length > MaxLength)
            stem = stem[..MaxLength];
        return stem + extension;
    }
}
