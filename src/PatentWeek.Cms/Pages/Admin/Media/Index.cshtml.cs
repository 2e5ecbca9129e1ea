using Microsoft.AspNetCore.Mvc;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Data.Media;
using PatentWeek.Cms.Media;

namespace PatentWeek.Cms.Pages.Admin.Media;

/// <summary>The media library: upload (drag and drop, progress), filter, and a grid of what my city or the office has.</summary>
public sealed class IndexModel(MediaLibrary library) : AdminPage
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public List<MediaAsset> Items { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        MediaKind? kind = Enum.TryParse<MediaKind>(Kind, ignoreCase: true, out var k) && !int.TryParse(Kind, out _) ? k : null;
        (Items, Total) = await library.ListAsync(Actor, kind, Q, Math.Clamp(PageNumber, 1, MediaLibrary.MaxPage), MediaLibrary.PageSize, cancellationToken);
    }

    /// <summary>The picker in the editor: the same list, as a fragment of buttons.</summary>
    public async Task<IActionResult> OnGetPickAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        return Partial("_Picker", this);
    }

    public static string Thumb(MediaAsset asset) => MediaPictures.Picture(asset) is { } p
        ? p.Thumbnail?.Src ?? p.WebpSrcset.Split(' ')[0]
        : "";

    public static string Size(long bytes) => bytes switch
    {
        < 1024 * 1024 => FormattableString.Invariant($"{bytes / 1024.0:0.#} KB"),
        _ => FormattableString.Invariant($"{bytes / (1024.0 * 1024):0.#} MB"),
    };

    public static string KindLabel(MediaKind kind) => kind switch
    {
        MediaKind.Image => "图片",
        MediaKind.Video => "视频",
        _ => "文档",
    };
}
