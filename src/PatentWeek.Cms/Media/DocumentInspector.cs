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
