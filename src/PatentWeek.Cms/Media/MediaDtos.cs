using System.Text.Json.Serialization;
using PatentWeek.Cms.Data.Media;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Media;

public sealed record RenditionDto(int Width, int Height, string Format, string Url)
{
    public static RenditionDto From(RenditionFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new(file.Width, file.Height, file.Format, file.Url);
    }
}

/// <summary>Crops around the focal point: the 16:9 card and the square thumbnail (WebP).</summary>
public sealed record CropsDto(IReadOnlyList<RenditionDto> Card, IReadOnlyList<RenditionDto> Thumbnail);

/// <summary>The WeChat set: cover picture, crop strings named as in the draft API, crops as files, thumb under 64 KB.</summary>
public sealed record WeChatDto(
    RenditionDto Cover,
    [property: JsonPropertyName("pic_crop_235_1")] string PicCrop2351,
    [property: JsonPropertyName("pic_crop_1_1")] string PicCrop11,
    RenditionDto Crop2351,
    RenditionDto Crop11,
    RenditionDto Thumb);

public sealed record FocalPointDto(double X, double Y);

public sealed record MediaUseDto(int Id, string Title, string Field);

/// <summary>
/// A media item as the management API shows it. <c>address</c> is the permanent reference to put in content
/// (<c>/media/{id}</c>); <c>url</c> is the file itself: a video, the largest JPEG of an image, or the private
/// download of a document. <c>status</c> is <c>rendering</c> until the set for the current focal point exists.
/// </summary>
public sealed record MediaDto(
    int Id,
    string Kind,
    string ContentType,
    long Size,
    string Name,
    string? Title,
    string? Alt,
    int? Width,
    int? Height,
    double? Duration,
    string Url,
    string Address,
    FocalPointDto Focal,
    string Status,
    IReadOnlyList<RenditionDto> Renditions,
    CropsDto? Crops,
    WeChatDto? WeChat,
    int? PosterId,
    string? City,
    DateTimeOffset CreatedAt,
    int Version,
    IReadOnlyList<MediaUseDto> UsedBy)
{
    public static MediaDto From(MediaAsset asset, IReadOnlyList<MediaUseDto> usedBy)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var set = RenditionService.Parse(asset.Renditions);
        var current = RenditionService.IsCurrent(asset, set);
        var status = asset.Kind == MediaKind.Document || current ? "ready" : "rendering";
        var crops = set is { Card.Count: > 0 } ? new CropsDto([.. set.Card.Select(RenditionDto.From)], [.. set.Thumbnail.Select(RenditionDto.From)]) : null;
        var weChat = set?.WeChat is { } w
            ? new WeChatDto(RenditionDto.From(w.Cover), w.PicCrop2351, w.PicCrop11, RenditionDto.From(w.Crop2351), RenditionDto.From(w.Crop11), RenditionDto.From(w.Thumb))
            : null;
        return new MediaDto(
            asset.Id, asset.Kind.ToString().ToLowerInvariant(), asset.ContentType, asset.Size, asset.OriginalName, asset.Title, asset.Alt,
            asset.Width, asset.Height, asset.DurationSeconds, FileUrl(asset, set), MediaReferences.Address(asset.Id),
            new FocalPointDto(asset.FocalX, asset.FocalY), status,
            set is null ? [] : [.. set.Renditions.Select(RenditionDto.From)], crops, weChat, asset.PosterId, asset.CityCode,
            BeijingTime.ToBeijing(asset.CreatedAt), asset.Version, usedBy);
    }

    /// <summary>The file's address; an image's largest JPEG is known before it is rendered (it is rendered on first request).</summary>
    public static string FileUrl(MediaAsset asset, RenditionSet? set)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return asset.Kind switch
        {
            MediaKind.Video => MediaKeys.PublicUrl(MediaKeys.OriginalKey(asset.Kind, asset.Sha256, MediaKeys.ExtensionOf(asset.ContentType))),
            MediaKind.Image => set?.Largest?.Url ?? MediaKeys.PublicUrl(ImageProcessor.LargestJpegKey(MediaKeys.DerivedFolder(asset.Kind, asset.Sha256), asset.Width ?? 0)),
            _ => $"/api/manage/v1/media/{asset.Id}/file",
        };
    }
}

/// <summary>A change to a media item's metadata; absent fields stay as they are.</summary>
public sealed record MediaUpdateRequest(string? Alt, string? Title, double? FocalX, double? FocalY, int? PosterId, int? Version);
