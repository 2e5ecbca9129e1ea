using System.IO.Compression;
using System.Text;

namespace PatentWeek.Cms.Media;

/// <summary>
/// Confirms what the sniffer guessed for documents: a PDF has its header and an end-of-file marker (a cut-off
/// upload has none); a ZIP is accepted only as a Word or Excel document without macros, and only when it
/// would unpack to a sane size (see <see cref="ZipBombCheck"/>).
/// </summary>
public static class DocumentInspector
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A video's captions: public once a video names them (see MediaFiles), never a document of their own.</summary>
    public const string WebVtt = "text/vtt";

    private const int MaxCaptionsBytes = 512 * 1024;

    /// <summary>Captions are small UTF-8 text that opens with the WEBVTT signature line and has at least one timed cue.</summary>
    public static void InspectCaptions(string path)
    {
        var info = new FileInfo(path);
        if (info.Length > MaxCaptionsBytes)
            throw new MediaRejectedException($"Captions may be at most {MaxCaptionsBytes / 1024} KB.");
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(path)).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new MediaRejectedException("Captions must be UTF-8 text.");
        }

        var first = text.Split('\n', 2)[0].TrimEnd('\r');
        if (!(first == "WEBVTT" || first.StartsWith("WEBVTT ", StringComparison.Ordinal) || first.StartsWith("WEBVTT\t", StringComparison.Ordinal))
            || !text.Contains("-->", StringComparison.Ordinal))
            throw new MediaRejectedException("Captions must be a WebVTT file: a WEBVTT first line and timed cues.");
    }

    /// <summary>Returns the confirmed content type, or throws <see cref="MediaRejectedException"/>.</summary>
    /// <param name="maxUnpackedBytes">The most a Word or Excel file may unpack to, all entries together.</param>
    public static string Inspect(string path, string sniffedType, long maxUnpackedBytes)
    {
        return sniffedType == "application/pdf" ? InspectPdf(path) : InspectOfficeDocument(path, maxUnpackedBytes);
    }

    private static string InspectPdf(string path)
    {
        using var file = File.OpenRead(path);
        var tail = new byte[(int)Math.Min(2048, file.Length)];
        file.Seek(-tail.Length, SeekOrigin.End);
        file.ReadExactly(tail);
        if (!Encoding.ASCII.GetString(tail).Contains("%%EOF", StringComparison.Ordinal))
            throw new MediaRejectedException("The PDF is incomplete (it has no end-of-file marker); upload the whole file again.");
        return "application/pdf";
    }

    private static string InspectOfficeDocument(string path, long maxUnpackedBytes)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            ZipBombCheck.Run(zip, maxUnpackedBytes);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!names.Contains("[Content_Types].xml"))
                throw Unsupported();
            if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
                throw MediaRejectedException.Unsupported("Documents with macros are not accepted; save it as .docx or .xlsx without macros.");
            if (names.Contains("word/document.xml"))
                return Docx;
            if (names.Contains("xl/workbook.xml"))
                return Xlsx;
            throw Unsupported();
        }
        catch (InvalidDataException)
        {
            throw new MediaRejectedException("The document is damaged or incomplete; upload the whole file again.");
        }
    }

    private static MediaRejectedException Unsupported() =>
        MediaRejectedException.Unsupported("Only images (JPEG, PNG, WebP, GIF), MP4 videos and PDF, Word (.docx) or Excel (.xlsx) documents can be uploaded.");
}
