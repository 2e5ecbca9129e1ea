using PatentWeek.Cms.Data.Media;

namespace PatentWeek.Cms.Media;

/// <summary>What a file's first bytes say it is.</summary>
public sealed record SniffedType(MediaKind Kind, string ContentType, string Extension);

/// <summary>
/// Decides a file's type from its leading bytes (magic numbers), never from its name or the client's
/// Content-Type header: an HTML page called <c>x.jpg</c>, an SVG or a script is not one of these and is refused.
/// Each type is confirmed later by a real parse (a decode, an MP4 box walk, the PDF header, the Office parts).
/// </summary>
public static class FileSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> looks at.</summary>
    public const int HeaderLength = 16;

    public static SniffedType? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return new(MediaKind.Image, "image/jpeg", ".jpg");
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
            return new(MediaKind.Image, "image/png", ".png");
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
            return new(MediaKind.Image, "image/webp", ".webp");
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
            return new(MediaKind.Image, "image/gif", ".gif");
        // ISO base media: a 'ftyp' box first. MP4 brands only; QuickTime (qt) and 3GP are not promised to play in browsers.
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8) && IsMp4Brand(head[8..12]))
            return new(MediaKind.Video, "video/mp4", ".mp4");
        // Captions of a video (WebVTT, UTF-8, perhaps with a byte-order mark); the inspector reads it whole.
        if (head.StartsWith("WEBVTT"u8) || head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF, (byte)'W', (byte)'E', (byte)'B', (byte)'V', (byte)'T', (byte)'T']))
            return new(MediaKind.Document, DocumentInspector.WebVtt, ".vtt");
        if (head.StartsWith("%PDF-"u8))
            return new(MediaKind.Document, "application/pdf", ".pdf");
        // A ZIP: only an Office Open XML document (docx/xlsx) is accepted, which the inspector confirms.
        if (head.StartsWith((ReadOnlySpan<byte>)[(byte)'P', (byte)'K', 0x03, 0x04]))
            return new(MediaKind.Document, "application/zip", ".zip");
        return null;
    }

    private static bool IsMp4Brand(ReadOnlySpan<byte> brand) =>
        brand.SequenceEqual("isom"u8) || brand.SequenceEqual("iso2"u8) || brand.SequenceEqual("iso4"u8)
        || brand.SequenceEqual("iso5"u8) || brand.SequenceEqual("iso6"u8) || brand.SequenceEqual("mp41"u8)
        || brand.SequenceEqual("mp42"u8) || brand.SequenceEqual("avc1"u8) || brand.SequenceEqual("M4V "u8)
        || brand.SequenceEqual("dash"u8) || brand.SequenceEqual("MSNV"u8);
}
