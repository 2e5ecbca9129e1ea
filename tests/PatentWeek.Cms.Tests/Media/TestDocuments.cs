using System.IO.Compression;
using System.Text;

namespace PatentWeek.Cms.Tests.Media;

/// <summary>Word files built in memory at test time: a real small one, and ZIP bombs dressed as one.</summary>
public static class TestDocuments
{
    private static readonly Lazy<byte[]> IssueBomb = new(() => Docx(("word/media/zeros1.bin", 400), ("word/media/zeros2.bin", 400),
        ("word/media/zeros3.bin", 400), ("word/media/zeros4.bin", 400)));

    /// <summary>A minimal valid .docx (content types, package relations, one paragraph).</summary>
    public static byte[] Docx() => Docx([]);

    /// <summary>The issue's bomb: the small document plus four entries of 400 MB of zeros, about 1.6 MB in all.</summary>
    public static byte[] ZipBomb() => IssueBomb.Value;

    /// <summary>The small document plus entries of <c>Megabytes</c> of zeros each.</summary>
    public static byte[] Docx(params (string Name, int Megabytes)[] zeros)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Text(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
                """);
            Text(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
                """);
            Text(zip, "word/document.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>第十三届中国专利周活动方案</w:t></w:r></w:p></w:body></w:document>
                """);
            var chunk = new byte[1024 * 1024];
            foreach (var (name, megabytes) in zeros)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                for (var i = 0; i < megabytes; i++)
                    entry.Write(chunk);
            }
        }

        return buffer.ToArray();
    }

    private static void Text(ZipArchive zip, string name, string text)
    {
        using var entry = zip.CreateEntry(name).Open();
        entry.Write(Encoding.UTF8.GetBytes(text));
    }
}
