using System.IO.Compression;
using System.IO.Hashing;

namespace PatentWeek.Cms.Media;

/// <summary>
/// Refuses a ZIP (a .docx or .xlsx) that would unpack to far more than it weighs: first from the sizes its
/// directory declares, then by inflating every entry into a small buffer that is thrown away — never to disk
/// — counting the bytes and checking their CRC-32, since a crafted archive may declare sizes it does not
/// keep. (.NET stops inflating at the declared size; a checksum that does not match the bytes read means
/// the entry holds more, or other, data than it says, and another reader would unpack all of it.)
/// </summary>
public static class ZipBombCheck
{
    /// <summary>Real Word and Excel files have tens to a few thousand parts.</summary>
    public const int MaxEntries = 10_000;

    /// <summary>
    /// XML compresses well, but real documents stay far below this; zeros reach about 1000:1. Small entries are
    /// not judged by their ratio (a short run of spaces compresses enormously and harms nobody).
    /// </summary>
    public const int MaxRatio = 100;

    public const long RatioCheckedFrom = 1024 * 1024;

    public static void Run(ZipArchive zip, long maxUnpackedBytes)
    {
        ArgumentNullException.ThrowIfNull(zip);
        if (zip.Entries.Count > MaxEntries)
            throw NotADocument($"it has {zip.Entries.Count} parts (at most {MaxEntries})");

        long declared = 0;
        foreach (var entry in zip.Entries)
        {
            CheckRatio(entry.FullName, entry.Length, entry.CompressedLength);
            declared += entry.Length;
            if (declared > maxUnpackedBytes)
                throw TooLarge(maxUnpackedBytes);
        }

        var buffer = new byte[81920];
        long actual = 0;
        var crc = new Crc32();
        foreach (var entry in zip.Entries)
        {
            crc.Reset();
            using var stream = entry.Open();
            long unpacked = 0;
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                unpacked += read;
                actual += read;
                if (unpacked > entry.Length)
                    throw NotADocument($"the part {entry.FullName} unpacks to more than the {entry.Length} bytes it declares");
                if (actual > maxUnpackedBytes)
                    throw TooLarge(maxUnpackedBytes);
                crc.Append(buffer.AsSpan(0, read));
            }

            if (unpacked != entry.Length || crc.GetCurrentHashAsUInt32() != entry.Crc32)
                throw NotADocument($"the part {entry.FullName} does not hold the {entry.Length} bytes it declares");
        }
    }

    private static void CheckRatio(string name, long unpacked, long compressed)
    {
        if (unpacked >= RatioCheckedFrom && unpacked > MaxRatio * Math.Max(compressed, 1))
            throw NotADocument($"the part {name} unpacks {unpacked / Math.Max(compressed, 1)} times larger than it is stored (at most {MaxRatio})");
    }

    private static MediaRejectedException TooLarge(long limit) => new(
        $"The document unpacks to more than the {limit / (1024 * 1024)} MB allowed; split it or remove large embedded files.",
        StatusCodes.Status413PayloadTooLarge);

    private static MediaRejectedException NotADocument(string why) =>
        MediaRejectedException.Unsupported($"This is not a usable Word or Excel document: {why}. It looks like a ZIP bomb, not a document.");
}
