using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace PatentWeek.Cms.Tests.Media;

/// <summary>
/// Images made in the test, so each one's content is known: a picture whose left half is red and right half is
/// blue (a crop centred on the left is red), EXIF with GPS injected by hand, and the hostile files the upload
/// must refuse, byte for byte.
/// </summary>
public static class TestImages
{
    public static byte[] Jpeg(int width, int height, int quality = 90) => Encode(width, height, SKEncodedImageFormat.Jpeg, quality);

    public static byte[] Png(int width, int height) => Encode(width, height, SKEncodedImageFormat.Png, 100);

    /// <summary>Left half red, right half blue, with a noisy band so the file is not trivially small.</summary>
    private static byte[] Encode(int width, int height, SKEncodedImageFormat format, int quality)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var canvas = surface.Canvas;
        using (var red = new SKPaint { Color = SKColors.Red })
            canvas.DrawRect(0, 0, width / 2f, height, red);
        using (var blue = new SKPaint { Color = SKColors.Blue })
            canvas.DrawRect(width / 2f, 0, width / 2f, height, blue);
        var random = new Random(7);
        using var dot = new SKPaint();
        for (var i = 0; i < width * height / 400; i++)
        {
            dot.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
            canvas.DrawRect(random.Next(width), (height * 9 / 10) + random.Next(Math.Max(1, height / 10)), 3, 3, dot);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }

    public static SKColor PixelAt(byte[] encoded, double x, double y)
    {
        using var bitmap = SKBitmap.Decode(encoded);
        return bitmap.GetPixel((int)(x * (bitmap.Width - 1)), (int)(y * (bitmap.Height - 1)));
    }

    public static (int Width, int Height) SizeOf(byte[] encoded)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(encoded));
        return (codec.Info.Width, codec.Info.Height);
    }

    /// <summary>
    /// A JPEG with an EXIF block: orientation 6 (turn 90° clockwise to view) and a GPS position. Skia cannot write
    /// EXIF, so the APP1 segment is assembled here: a little-endian TIFF with IFD0 (Orientation, GPS pointer)
    /// and a GPS IFD (latitude 30°35'N as three rationals).
    /// </summary>
    public static byte[] JpegWithExif(int width, int height, ushort orientation = 6)
    {
        var jpeg = Jpeg(width, height);
        var tiff = new MemoryStream();
        var w = new BinaryWriter(tiff);
        w.Write("II"u8);
        w.Write((ushort)42);
        w.Write(8u); // IFD0 at offset 8
        // IFD0: 2 entries
        w.Write((ushort)2);
        Entry(w, 0x0112, 3, 1, orientation); // Orientation, SHORT
        Entry(w, 0x8825, 4, 1, 38); // GPS IFD pointer, LONG -> offset 38
        w.Write(0u); // no next IFD
        // GPS IFD at 38: 2 entries
        w.Write((ushort)2);
        Entry(w, 0x0001, 2, 2, 'N'); // GPSLatitudeRef "N\0"
        Entry(w, 0x0002, 5, 3, 68); // GPSLatitude, 3 RATIONAL at offset 68
        w.Write(0u);
        foreach (var (num, den) in new[] { (30u, 1u), (35u, 1u), (0u, 1u) })
        {
            w.Write(num);
            w.Write(den);
        }

        var payload = "Exif\0\0"u8.ToArray().Concat(tiff.ToArray()).ToArray();
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    private static void Entry(BinaryWriter w, ushort tag, ushort type, uint count, uint value)
    {
        w.Write(tag);
        w.Write(type);
        w.Write(count);
        w.Write(value);
    }

    public static byte[] Truncated(byte[] file) => file[..(file.Length / 2)];

    /// <summary>A PNG of a few hundred bytes whose header claims 30000 × 30000 pixels (3.6 GB decoded).</summary>
    public static byte[] DecompressionBomb()
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, 30000);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), 30000);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // RGB
        var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
            z.Write(new byte[64 * 1024]); // a row and a bit of zeros: the rest of the "image" is never there
        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        png.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }

        return ~crc;
    }

    /// <summary>A 1 × 1 animated GIF with <paramref name="frames"/> frames (each the classic smallest image block).</summary>
    public static byte[] AnimatedGif(int frames)
    {
        var gif = new MemoryStream();
        gif.Write("GIF89a"u8);
        gif.Write([1, 0, 1, 0, 0x80, 0, 0]); // 1x1, global colour table of 2
        gif.Write([0, 0, 0, 255, 255, 255]);
        for (var i = 0; i < frames; i++)
        {
            gif.Write([0x21, 0xF9, 0x04, 0x00, 0x0A, 0x00, 0x00, 0x00]); // graphic control: 0.1 s
            gif.Write([0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0]); // image descriptor 1x1
            gif.Write([0x02, 0x02, 0x44, 0x01, 0x00]); // LZW data
        }

        gif.WriteByte(0x3B);
        return gif.ToArray();
    }

    public static readonly byte[] HtmlPage = "<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray();

    public static readonly byte[] Svg = """<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>"""u8.ToArray();

    /// <summary>A minimal PDF (header, one empty page, trailer).</summary>
    public static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
}
