using System.ComponentModel.DataAnnotations;

namespace PatentWeek.Cms.Media;

/// <summary>The <c>Cms:Media</c> configuration section, validated at start-up.</summary>
public sealed class MediaOptions
{
    public const string Section = "Cms:Media";

    [Range(1, long.MaxValue)]
    public long MaxImageBytes { get; set; } = 20L * 1024 * 1024;

    [Range(1, long.MaxValue)]
    public long MaxVideoBytes { get; set; } = 200L * 1024 * 1024;

    [Range(1, long.MaxValue)]
    public long MaxDocumentBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// A Word or Excel file (a ZIP) whose entries would unpack to more is refused (413) before it is stored:
    /// a 1.6 MB file can hold gigabytes of zeros, and whoever opens it later pays.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long MaxDocumentUnpackedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Images whose header claims more pixels are refused before anything is decoded.</summary>
    [Range(1, 1_000_000_000)]
    public long MaxImagePixels { get; set; } = 50_000_000;

    /// <summary>Animated GIFs with more frames are refused: only the first frame is ever shown.</summary>
    [Range(1, 100_000)]
    public int MaxGifFrames { get; set; } = 300;

    /// <summary>Images decoded at once (uploads checked and rendition sets made); null: the processor count.</summary>
    [Range(1, 64)]
    public int? ImageConcurrency { get; set; }

    /// <summary>ffmpeg for video poster frames; found on PATH when not set. Without it, posters are uploaded.</summary>
    public string? FfmpegPath { get; set; }

    public long MaxBytes(PatentWeek.Cms.Data.Media.MediaKind kind) => kind switch
    {
        PatentWeek.Cms.Data.Media.MediaKind.Image => MaxImageBytes,
        PatentWeek.Cms.Data.Media.MediaKind.Video => MaxVideoBytes,
        _ => MaxDocumentBytes,
    };

    public long LargestLimit => Math.Max(MaxImageBytes, Math.Max(MaxVideoBytes, MaxDocumentBytes));
}
