using System.Buffers.Binary;

namespace PatentWeek.Cms.Media;

/// <summary>Duration and frame size read from an MP4's boxes.</summary>
public sealed record VideoFacts(double DurationSeconds, int? Width, int? Height);

/// <summary>
/// The synchronous probe of an MP4 upload, without ffmpeg: walks the top-level boxes (each must fit inside the
/// file, so a cut-off upload is caught), requires a <c>moov</c> with an <c>mvhd</c> (duration) and reads the
/// first video track's size from its <c>tkhd</c>. Playback itself is the browser's business.
/// </summary>
public static class VideoInspector
{
    public static VideoFacts Inspect(string path)
    {
        using var file = File.OpenRead(path);
        var length = file.Length;
        long position = 0;
        VideoFacts? facts = null;
        var sawMedia = false;
        while (position < length)
        {
            var (type, headerSize, boxSize) = ReadHeader(file, position, length);
            if (type == "moov")
                facts = ReadMovie(file, position + headerSize, position + boxSize);
            else if (type == "mdat")
                sawMedia = true;
            position += boxSize;
        }

        if (facts is null || !sawMedia)
            throw new MediaRejectedException("The MP4 has no playable movie (no moov or mdat box); export it again as MP4 (H.264).");
        return facts;
    }

    private static (string Type, long HeaderSize, long BoxSize) ReadHeader(FileStream file, long position, long end)
    {
        Span<byte> header = stackalloc byte[16];
        if (end - position < 8)
            throw Truncated();
        file.Position = position;
        file.ReadExactly(header[..8]);
        long size = BinaryPrimitives.ReadUInt32BigEndian(header);
        var type = System.Text.Encoding.ASCII.GetString(header[4..8]);
        long headerSize = 8;
        if (size == 1)
        {
            if (end - position < 16)
                throw Truncated();
            file.ReadExactly(header[8..16]);
            size = (long)BinaryPrimitives.ReadUInt64BigEndian(header[8..16]);
            headerSize = 16;
        }
        else if (size == 0)
        {
            size = end - position; // the box runs to the end of the file
        }

        if (size < headerSize || size > end - position)
            throw Truncated();
        return (type, headerSize, size);
    }

    private static VideoFacts ReadMovie(FileStream file, long start, long end)
    {
        double? duration = null;
        int? width = null, height = null;
        for (var position = start; position < end;)
        {
            var (type, headerSize, boxSize) = ReadHeader(file, position, end);
            if (type == "mvhd")
                duration = ReadDuration(file, position + headerSize, boxSize - headerSize);
            else if (type == "trak" && width is null)
                (width, height) = ReadTrackSize(file, position + headerSize, position + boxSize);
            position += boxSize;
        }

        return duration is { } d ? new VideoFacts(d, width, height) : throw Truncated();
    }

    private static double ReadDuration(FileStream file, long start, long size)
    {
        if (size < 20)
            throw Truncated();
        var buffer = new byte[Math.Min(size, 32)];
        file.Position = start;
        file.ReadExactly(buffer);
        var version = buffer[0];
        uint scale;
        ulong units;
        if (version == 1 && buffer.Length >= 32)
        {
            scale = BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(20));
            units = BinaryPrimitives.ReadUInt64BigEndian(buffer.AsSpan(24));
        }
        else if (buffer.Length >= 20)
        {
            scale = BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(12));
            units = BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(16));
        }
        else
        {
            throw Truncated();
        }

        return scale == 0 ? 0 : Math.Round((double)units / scale, 3);
    }

    /// <summary>The track header's size (16.16 fixed point, the last 8 bytes); audio tracks have 0 × 0.</summary>
    private static (int?, int?) ReadTrackSize(FileStream file, long start, long end)
    {
        for (var position = start; position < end;)
        {
            var (type, headerSize, boxSize) = ReadHeader(file, position, end);
            if (type == "tkhd" && boxSize - headerSize >= 84)
            {
                Span<byte> size = stackalloc byte[8];
                file.Position = position + boxSize - 8;
                file.ReadExactly(size);
                var width = (int)(BinaryPrimitives.ReadUInt32BigEndian(size) >> 16);
                var height = (int)(BinaryPrimitives.ReadUInt32BigEndian(size[4..]) >> 16);
                return width > 0 && height > 0 ? (width, height) : (null, null);
            }

            position += boxSize;
        }

        return (null, null);
    }

    private static MediaRejectedException Truncated() =>
        new("The MP4 is incomplete or damaged (a box runs past the end of the file); upload the whole file again.");
}
