using Microsoft.Extensions.Options;
using SkiaSharp;

namespace PatentWeek.Cms.Media;

/// <summary>An image's facts once it passed inspection: upright size (after EXIF orientation) and type.</summary>
public sealed record ImageFacts(int Width, int Height, string ContentType);

/// <summary>
/// The image pipeline on SkiaSharp. <see cref="Inspect"/> is the synchronous check of an upload: header first
/// (format, pixel cap, frame count) before any pixel is decoded, then a decode at reduced scale, or row by row
/// where the codec cannot scale, so a truncated or corrupt file is refused at once. <see cref="Render"/> makes
/// the whole set from one reduced-size decode. Encoders write pixels only: no EXIF, GPS or XMP survives.
/// </summary>
public sealed class ImageProcessor(IOptions<MediaOptions> options, IMediaStore store)
{
    /// <summary>Part of every derived URL: bump it when output changes, so immutable caches see new names.</summary>
    public const int PipelineVersion = 1;

    public static readonly int[] Widths = [320, 640, 960, 1280, 1920];
    private static readonly int[] CardWidths = [640, 1280];
    private static readonly int[] ThumbnailWidths = [160, 320];
    private const int WeChatCoverWidth = 1080;
    private const long WeChatCoverBytes = 1024 * 1024;
    private const long WeChatThumbBytes = 64 * 1024;
    private static readonly SKSamplingOptions Sampling = new(SKCubicResampler.Mitchell);

    public ImageFacts Inspect(string path)
    {
        using var stream = File.OpenRead(path);
        using var codec = SKCodec.Create(stream, out var result)
            ?? throw new MediaRejectedException($"The image cannot be read ({result}); it may be damaged or not an image.");
        var format = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Jpeg => "image/jpeg",
            SKEncodedImageFormat.Png => "image/png",
            SKEncodedImageFormat.Webp => "image/webp",
            SKEncodedImageFormat.Gif => "image/gif",
            _ => throw MediaRejectedException.Unsupported("Only JPEG, PNG, WebP and GIF images can be uploaded."),
        };
        var info = codec.Info;
        var max = options.Value.MaxImagePixels;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > max)
            throw new MediaRejectedException(
                $"The image is {info.Width}×{info.Height} pixels; at most {max / 1_000_000} megapixels are accepted.");
        if (codec.EncodedFormat == SKEncodedImageFormat.Gif && codec.FrameCount > options.Value.MaxGifFrames)
            throw new MediaRejectedException(
                $"The GIF has {codec.FrameCount} frames; at most {options.Value.MaxGifFrames} are accepted (only the first is shown).");

        CheckDecodes(codec);
        var (width, height) = Swaps(codec.EncodedOrigin) ? (info.Height, info.Width) : (info.Width, info.Height);
        return new ImageFacts(width, height, format);
    }

    /// <summary>Decodes every pixel once at the smallest scale the codec offers, or row by row, and refuses any error.</summary>
    private static void CheckDecodes(SKCodec codec)
    {
        var full = codec.Info;
        var scaled = codec.GetScaledDimensions(Math.Min(1f, 256f / Math.Max(full.Width, full.Height)));
        var info = new SKImageInfo(scaled.Width, scaled.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        if ((long)scaled.Width * scaled.Height < 4_000_000)
        {
            using var bitmap = new SKBitmap(info);
            Expect(codec.GetPixels(info, bitmap.GetPixels()));
            return;
        }

        // The codec cannot scale (PNG, GIF): stream the rows through a small buffer instead of holding the image.
        var start = codec.StartScanlineDecode(info);
        if (start is SKCodecResult.Unimplemented)
        {
            // GIF has no row-by-row decoder; its size is capped by the pixel limit like any other image.
            using var whole = new SKBitmap(info);
            Expect(codec.GetPixels(info, whole.GetPixels()));
            return;
        }

        if (start != SKCodecResult.Success)
            throw new MediaRejectedException("The image cannot be decoded; it may be damaged.");
        const int rows = 16;
        using var strip = new SKBitmap(new SKImageInfo(info.Width, rows, info.ColorType, info.AlphaType));
        for (var y = 0; y < info.Height; y += rows)
        {
            var want = Math.Min(rows, info.Height - y);
            if (codec.GetScanlines(strip.GetPixels(), want, strip.RowBytes) != want)
                throw new MediaRejectedException("The image is incomplete or damaged; upload the whole file again.");
        }
    }

    private static void Expect(SKCodecResult result)
    {
        if (result == SKCodecResult.IncompleteInput)
            throw new MediaRejectedException("The image is incomplete (the file is cut off); upload the whole file again.");
        if (result is not SKCodecResult.Success)
            throw new MediaRejectedException($"The image cannot be decoded ({result}); it may be damaged.");
    }

    /// <summary>Renders the full set into <paramref name="folder"/> (a public key); files already there are kept.</summary>
    public async Task<RenditionSet> RenderAsync(string sourcePath, string folder, double focalX, double focalY, CancellationToken cancellationToken)
    {
        using var upright = DecodeUpright(sourcePath, Widths[^1], out var originalWidth, out var originalHeight);
        // Wraps the bitmap's pixels without copying them (FromBitmap would copy a mutable bitmap).
        using var pixels = upright.PeekPixels();
        using var image = SKImage.FromPixels(pixels);
        // Scale from original pixels to decoded pixels: crops are computed on the original, cut from the decode.
        var scale = (double)upright.Width / originalWidth;
        var opaque = upright.AlphaType == SKAlphaType.Opaque;

        var renditions = new List<RenditionFile>();
        foreach (var width in ResponsiveWidths(originalWidth))
        {
            var height = HeightAt(width, originalWidth, originalHeight);
            var whole = new SKRectI(0, 0, originalWidth, originalHeight);
            renditions.Add(await WriteAsync(RenditionKey(folder, width, "webp"), image, whole, scale, width, height, SKEncodedImageFormat.Webp, 80, opaque, cancellationToken));
            renditions.Add(await WriteAsync(RenditionKey(folder, width, "jpg"), image, whole, scale, width, height, SKEncodedImageFormat.Jpeg, 82, opaque, cancellationToken));
        }

        var crops = $"{folder}/c{FocalKey(focalX, focalY)}";
        var card = await CropSetAsync(image, scale, originalWidth, originalHeight, 16.0 / 9, CardWidths, $"{crops}/card", focalX, focalY, opaque, cancellationToken);
        var thumbnail = await CropSetAsync(image, scale, originalWidth, originalHeight, 1, ThumbnailWidths, $"{crops}/thumb", focalX, focalY, opaque, cancellationToken);
        var weChat = await WeChatAsync(image, scale, originalWidth, originalHeight, crops, focalX, focalY, cancellationToken);
        return new RenditionSet(PipelineVersion, renditions, card, thumbnail, weChat);
    }

    /// <summary>The key of the widest JPEG rendition an image of this width gets.</summary>
    public static string LargestJpegKey(string folder, int originalWidth) => RenditionKey(folder, ResponsiveWidths(originalWidth)[^1], "jpg");

    /// <summary>The responsive widths an image gets: those not wider than it, or its own width when it is narrower than all.</summary>
    public static List<int> ResponsiveWidths(int originalWidth) => TargetWidths(Widths, Math.Max(1, originalWidth));

    /// <summary>
    /// A responsive rendition's key. It follows from the original alone (its hash names the folder), so pages
    /// can name a rendition before the job has made it.
    /// </summary>
    public static string RenditionKey(string folder, int width, string extension) => $"{folder}/{width}.{extension}";

    /// <summary>The height of a <paramref name="width"/>-wide rendition at the original's aspect ratio.</summary>
    public static int HeightAt(int width, int originalWidth, int originalHeight) =>
        Math.Max(1, (int)Math.Round((double)width * originalHeight / Math.Max(1, originalWidth)));

    /// <summary>A short, stable name for a focal point, so moving it gives new (immutable) crop URLs.</summary>
    public static string FocalKey(double focalX, double focalY) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.ASCII.GetBytes(FormattableString.Invariant($"{focalX:0.0000},{focalY:0.0000}"))))[..8];

    private async Task<List<RenditionFile>> CropSetAsync(
        SKImage image, double scale, int width, int height, double ratio, int[] widths, string prefix,
        double focalX, double focalY, bool opaque, CancellationToken cancellationToken)
    {
        var crop = CropMath.Crop(width, height, ratio, focalX, focalY);
        var files = new List<RenditionFile>();
        // Never wider than the pixels the crop really has in the decode (a panorama's crops are narrow).
        foreach (var w in TargetWidths(widths, Available(crop.Width, scale)))
        {
            var h = Math.Max(1, (int)Math.Round(w / ratio));
            files.Add(await WriteAsync($"{prefix}-{w}.webp", image, crop, scale, w, h, SKEncodedImageFormat.Webp, 80, opaque, cancellationToken));
        }

        return files;
    }

    private async Task<WeChatSet> WeChatAsync(
        SKImage image, double scale, int width, int height, string crops, double focalX, double focalY, CancellationToken cancellationToken)
    {
        var whole = new SKRectI(0, 0, width, height);
        var coverWidth = Math.Min(WeChatCoverWidth, width);
        var coverHeight = Math.Max(1, (int)Math.Round((double)coverWidth * height / width));
        // Only the crop strings depend on the focal point; the cover picture itself does not.
        var folder = crops[..crops.LastIndexOf('/')];
        var cover = await WriteUnderAsync($"{folder}/wechat-cover.jpg", image, whole, scale, coverWidth, coverHeight, WeChatCoverBytes, cancellationToken);

        var wide = CropMath.Crop(width, height, 2.35, focalX, focalY);
        var square = CropMath.Crop(width, height, 1, focalX, focalY);
        var wideWidth = Math.Min(900, Available(wide.Width, scale));
        var crop2351 = await WriteAsync($"{crops}/wechat-235.jpg", image, wide, scale, wideWidth, Math.Max(1, (int)Math.Round(wideWidth / 2.35)), SKEncodedImageFormat.Jpeg, 82, false, cancellationToken);
        var squareWidth = Math.Min(600, Available(square.Width, scale));
        var crop11 = await WriteAsync($"{crops}/wechat-11.jpg", image, square, scale, squareWidth, squareWidth, SKEncodedImageFormat.Jpeg, 82, false, cancellationToken);
        var thumbWidth = Math.Min(300, Available(square.Width, scale));
        var thumb = await WriteUnderAsync($"{crops}/wechat-thumb.jpg", image, square, scale, thumbWidth, thumbWidth, WeChatThumbBytes, cancellationToken);
        return new WeChatSet(cover, CropMath.ToWeChat(wide, width, height), CropMath.ToWeChat(square, width, height), crop2351, crop11, thumb);
    }

    /// <summary>A JPEG under a byte budget: lower quality first, then smaller, until it fits.</summary>
    private async Task<RenditionFile> WriteUnderAsync(
        string key, SKImage image, SKRectI region, double scale, int width, int height, long budget, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var quality = Math.Max(40, 85 - attempt * 10);
            var shrink = attempt < 5 ? 1.0 : Math.Pow(0.8, attempt - 4);
            var w = Math.Max(16, (int)(width * shrink));
            var h = Math.Max(16, (int)(height * shrink));
            using var data = Encode(image, region, scale, w, h, SKEncodedImageFormat.Jpeg, quality, opaque: false);
            if (data.Size < budget || w == 16)
                return await SaveAsync(key, data, w, h, "jpeg", cancellationToken);
        }
    }

    private async Task<RenditionFile> WriteAsync(
        string key, SKImage image, SKRectI region, double scale, int width, int height,
        SKEncodedImageFormat format, int quality, bool opaque, CancellationToken cancellationToken)
    {
        using var data = Encode(image, region, scale, width, height, format, quality, opaque);
        return await SaveAsync(key, data, width, height, format == SKEncodedImageFormat.Webp ? "webp" : "jpeg", cancellationToken);
    }

    private async Task<RenditionFile> SaveAsync(string key, SKData data, int width, int height, string format, CancellationToken cancellationToken)
    {
        var size = await store.WriteOnceAsync(key, data.AsSpan().ToArray(), cancellationToken);
        return new RenditionFile(width, height, format, MediaKeys.PublicUrl(key), size);
    }

    /// <summary>
    /// Draws <paramref name="region"/> (original pixels) of the decoded image at width × height and encodes it.
    /// JPEG has no alpha, so transparent pixels land on white rather than black.
    /// </summary>
    private static SKData Encode(SKImage image, SKRectI region, double scale, int width, int height, SKEncodedImageFormat format, int quality, bool opaque)
    {
        var keepAlpha = format == SKEncodedImageFormat.Webp && !opaque;
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, keepAlpha ? SKAlphaType.Premul : SKAlphaType.Opaque, SKColorSpace.CreateSrgb());
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(keepAlpha ? SKColors.Transparent : SKColors.White);
        var source = new SKRect((float)(region.Left * scale), (float)(region.Top * scale), (float)(region.Right * scale), (float)(region.Bottom * scale));
        canvas.DrawImage(image, source, new SKRect(0, 0, width, height), Sampling, null);
        using var snapshot = surface.Snapshot();
        return snapshot.Encode(format, quality)
            ?? throw new InvalidOperationException($"SkiaSharp could not encode {format}.");
    }

    private static int Available(int originalPixels, double scale) => Math.Max(1, (int)(originalPixels * Math.Min(1, scale)));

    /// <summary>Widths not wider than the original; a small original gets one rendition at its own width.</summary>
    private static List<int> TargetWidths(int[] widths, int original)
    {
        var fitting = widths.Where(w => w <= original).ToList();
        return fitting.Count > 0 ? fitting : [original];
    }

    /// <summary>
    /// Decodes at the smallest scale that still gives at least <paramref name="neededWidth"/> upright pixels
    /// across (JPEG and WebP decode straight to a smaller size), then turns it upright per EXIF orientation.
    /// </summary>
    private static SKBitmap DecodeUpright(string path, int neededWidth, out int originalWidth, out int originalHeight)
    {
        using var stream = File.OpenRead(path);
        using var codec = SKCodec.Create(stream) ?? throw new InvalidOperationException("The stored image no longer decodes.");
        var origin = codec.EncodedOrigin;
        var swap = Swaps(origin);
        var info = codec.Info;
        (originalWidth, originalHeight) = swap ? (info.Height, info.Width) : (info.Width, info.Height);
        var encodedAcross = swap ? info.Height : info.Width;
        var desired = Math.Min(1f, (float)neededWidth / encodedAcross);
        var size = codec.GetScaledDimensions(desired);
        // Codecs round to the scales they support, sometimes down: step up until the decode is wide enough.
        for (var step = desired; (swap ? size.Height : size.Width) < Math.Min(neededWidth, encodedAcross) && step < 1f;)
        {
            step = Math.Min(1f, step * 1.25f);
            size = codec.GetScaledDimensions(step);
        }

        var decodeInfo = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888,
            info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var raw = new SKBitmap(decodeInfo);
        var result = codec.GetPixels(decodeInfo, raw.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            raw.Dispose();
            throw new InvalidOperationException($"The stored image no longer decodes ({result}).");
        }

        raw = ShrinkTo(raw, swap, neededWidth);
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
            return raw;
        using (raw)
            return Orient(raw, origin);
    }

    /// <summary>
    /// PNG and GIF decode only at full size: bring a decode far wider than needed down at once, so the copies
    /// that follow (orientation, the renders) work on a quarter or less of the memory.
    /// </summary>
    private static SKBitmap ShrinkTo(SKBitmap raw, bool swap, int neededWidth)
    {
        var across = swap ? raw.Height : raw.Width;
        if (across <= neededWidth * 2)
            return raw;
        var factor = (double)neededWidth / across;
        var info = raw.Info.WithSize(Math.Max(1, (int)Math.Round(raw.Width * factor)), Math.Max(1, (int)Math.Round(raw.Height * factor)));
        using (raw)
            return raw.Resize(info, Sampling) ?? throw new InvalidOperationException("SkiaSharp could not resize the decode.");
    }

    private static bool Swaps(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>Applies the EXIF orientation: each case maps a stored pixel (x, y) to where it is seen.</summary>
    private static SKBitmap Orient(SKBitmap raw, SKEncodedOrigin origin)
    {
        float w = raw.Width, h = raw.Height;
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            _ => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1), // LeftBottom
        };
        var swap = Swaps(origin);
        var upright = new SKBitmap(new SKImageInfo(swap ? raw.Height : raw.Width, swap ? raw.Width : raw.Height, raw.ColorType, raw.AlphaType, raw.ColorSpace));
        using var canvas = new SKCanvas(upright);
        canvas.SetMatrix(matrix);
        using var image = SKImage.FromBitmap(raw);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        return upright;
    }
}
