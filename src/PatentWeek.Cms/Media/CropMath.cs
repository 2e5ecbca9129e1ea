using System.Globalization;
using SkiaSharp;

namespace PatentWeek.Cms.Media;

/// <summary>Fixed-ratio crops centred on a focal point, and WeChat's normalised X1_Y1_X2_Y2 notation.</summary>
public static class CropMath
{
    /// <summary>
    /// The largest <paramref name="ratio"/> (width / height) rectangle inside a <paramref name="width"/> ×
    /// <paramref name="height"/> image, centred on the focal point as far as the edges allow.
    /// </summary>
    public static SKRectI Crop(int width, int height, double ratio, double focalX, double focalY)
    {
        int w, h;
        if ((double)width / height > ratio)
        {
            h = height;
            w = Math.Clamp((int)Math.Round(height * ratio), 1, width);
        }
        else
        {
            w = width;
            h = Math.Clamp((int)Math.Round(width / ratio), 1, height);
        }

        var left = Math.Clamp((int)Math.Round(focalX * width - w / 2.0), 0, width - w);
        var top = Math.Clamp((int)Math.Round(focalY * height - h / 2.0), 0, height - h);
        return new SKRectI(left, top, left + w, top + h);
    }

    /// <summary>WeChat's crop string: corners normalised to the whole picture, at most 6 decimals, joined by '_'.</summary>
    public static string ToWeChat(SKRectI crop, int width, int height) => string.Join('_',
        Normalise(crop.Left, width), Normalise(crop.Top, height), Normalise(crop.Right, width), Normalise(crop.Bottom, height));

    private static string Normalise(int value, int whole) =>
        Math.Round((double)value / whole, 6).ToString("0.######", CultureInfo.InvariantCulture);
}
