using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using PatentWeek.Cms.Media;
using PatentWeek.Cms.Tests.Media;

namespace PatentWeek.Cms.Tests.Unit;

public sealed class ZipBombCheckTests
{
    private const long Limit = 200L * 1024 * 1024;

    private static MediaRejectedException Refused(byte[] zipBytes, long limit = Limit)
    {
        using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        return Assert.Throws<MediaRejectedException>(() => ZipBombCheck.Run(zip, limit));
    }

    [Fact]
    public void An_entry_of_zeros_is_refused_by_its_ratio_as_not_a_document()
    {
        using (var real = new ZipArchive(new MemoryStream(TestDocuments.Docx()), ZipArchiveMode.Read))
            ZipBombCheck.Run(real, Limit);

        var refused = Refused(TestDocuments.Docx(("word/media/image1.png", 20)));
        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, refused.StatusCode);
        Assert.Contains("word/media/image1.png", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_unpacking_beyond_the_limit_is_too_large()
    {
        var refused = Refused(TestDocuments.Docx(), limit: 500);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, refused.StatusCode);
    }

    [Fact]
    public void Too_many_parts_are_not_a_document()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i <= ZipBombCheck.MaxEntries; i++)
                zip.CreateEntry($"p/{i}.xml");
        }

        var refused = Refused(buffer.ToArray());
        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, refused.StatusCode);
        Assert.Contains("parts", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_that_holds_more_than_it_declares_is_caught_while_counting()
    {
        // 2 MB of text declared as 1000 bytes: below the size the ratio is judged from, so only counting catches it.
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml").Open();
            var text = Encoding.UTF8.GetBytes("<w:t>专利周</w:t>");
            for (var written = 0; written < 2 * 1024 * 1024; written += text.Length)
                entry.Write(text);
        }

        var bytes = buffer.ToArray();
        Declare(bytes, signature: 0x04034b50, sizeOffset: 22, 1000);
        Declare(bytes, signature: 0x02014b50, sizeOffset: 24, 1000);
        using var lying = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        Assert.Equal(1000, lying.Entries[0].Length);
        // .NET stops inflating at the declared 1000 bytes; their checksum is not the entry's, which gives the lie away.
        var refused = Assert.Throws<MediaRejectedException>(() => ZipBombCheck.Run(lying, Limit));
        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, refused.StatusCode);
        Assert.Contains("declares", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Overwrites the uncompressed size in the first header with the given signature.</summary>
    private static void Declare(byte[] zip, uint signature, int sizeOffset, uint size)
    {
        var header = BitConverter.GetBytes(signature);
        var at = zip.AsSpan().IndexOf(header);
        Assert.True(at >= 0);
        BitConverter.GetBytes(size).CopyTo(zip, at + sizeOffset);
    }
}
