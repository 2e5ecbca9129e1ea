using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Data.Media;
using PatentWeek.Cms.Media;

namespace PatentWeek.Cms.Pages.Admin.Media;

/// <summary>One media item: alt text and title, the focal point (click the picture), its crops and WeChat set, where it is used, delete.</summary>
public sealed class ItemModel(MediaLibrary library) : AdminPage
{
    public MediaAsset Asset { get; private set; } = null!;
    public MediaDto Dto { get; private set; } = null!;

    /// <summary>Whether to offer 保存 and 删除: the authorization handler's answer, the one the library checks again.</summary>
    public bool CanEdit { get; private set; }

    public bool CanDelete { get; private set; }

    [BindProperty, MaxLength(300, ErrorMessage = "替代文字最多 300 字"), Display(Name = "替代文字")]
    public string? Alt { get; set; }

    [BindProperty, MaxLength(200, ErrorMessage = "标题最多 200 字"), Display(Name = "标题")]
    public string? MediaTitle { get; set; }

    [BindProperty, Range(0.0, 1.0, ErrorMessage = "焦点横向须在 0 至 1 之间")]
    public double? FocalX { get; set; }

    [BindProperty, Range(0.0, 1.0, ErrorMessage = "焦点纵向须在 0 至 1 之间")]
    public double? FocalY { get; set; }

    [BindProperty]
    public int? PosterId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        (Alt, MediaTitle, FocalX, FocalY, PosterId, Version) = (Asset.Alt, Asset.Title, Asset.FocalX, Asset.FocalY, Asset.PosterId, Asset.Version);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken) => StepAsync(
        async () =>
        {
            if (!ModelState.IsValid)
                return await RedisplayAsync(id, cancellationToken);
            await library.UpdateAsync(Actor, id, new MediaUpdateRequest(Alt ?? "", MediaTitle ?? "", FocalX, FocalY, PosterId, Version), cancellationToken);
            TempData["Message"] = "已保存。新的裁切会在几秒内生成。";
            return LocalRedirect($"~/admin/media/{id}");
        },
        () => RedisplayAsync(id, cancellationToken));

    public Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken) => StepAsync(
        async () =>
        {
            await library.DeleteAsync(Actor, id, cancellationToken);
            TempData["Message"] = "已删除。";
            return LocalRedirect("~/admin/media");
        },
        () => RedisplayAsync(id, cancellationToken));

    private async Task<IActionResult> RedisplayAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(Actor, id, cancellationToken) is not { } asset)
            return false;
        Asset = asset;
        Dto = await library.DtoAsync(Actor, asset, cancellationToken);
        var allowed = await library.AllowedAsync(Actor, asset, Operations.Edit, Operations.Delete);
        (CanEdit, CanDelete) = (allowed.Contains(Operations.Edit.Name), allowed.Contains(Operations.Delete.Name));
        return true;
    }
}
