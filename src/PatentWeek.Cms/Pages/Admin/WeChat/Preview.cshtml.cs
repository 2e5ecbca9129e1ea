using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.WeChat;

namespace PatentWeek.Cms.Pages.Admin.WeChat;

/// <summary>
/// One item as a follower would read it on a phone, built by the same code that builds what is sent, with what keeps
/// it from being sent; and the button that sends it (the content page's button posts here too).
/// </summary>
public sealed class PreviewModel(CmsDbContext db, WeChatRenditions renditions, CrossPosts crossPosts) : ItemPage(db)
{
    /// <summary>Where the content page's button asks to be sent back to.</summary>
    public const string BackToItem = "item";

    public ContentItem Item { get; private set; } = null!;
    public WeChatPart Part { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCrossPostAsync(int id, string? back, CancellationToken cancellationToken)
    {
        var outcome = await crossPosts.RequestAsync([id], Actor, cancellationToken);
        if (outcome.Refusal == CrossPostRefusal.NotFound)
            return NotFound();
        if (outcome.Accepted)
        {
            TempData["Message"] = $"已开始同步到微信（同步 #{outcome.Post!.Id}）。";
            return LocalRedirect(back == BackToItem ? $"~/admin/content/{id}" : "~/admin/wechat");
        }

        if (back == BackToItem)
        {
            TempData["WeChatRefusal"] = (string[])[outcome.Message ?? "无法同步。", .. (outcome.Problems ?? new Dictionary<string, string[]>()).SelectMany(p => p.Value)];
            return LocalRedirect($"~/admin/content/{id}");
        }

        // The article's problems, if that was the reason, are on the page already (they are the preview's).
        ModelState.AddModelError("", outcome.Message ?? "无法同步。");
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>
    /// The CSS object-position that shows a WeChat crop (<c>x1_y1_x2_y2</c>, fractions of the picture) in a box of the
    /// crop's shape with object-fit: cover.
    /// </summary>
    public static string Position(string crop)
    {
        var v = (crop ?? "").Split('_').Select(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN).ToArray();
        if (v.Length != 4 || v.Any(double.IsNaN))
            return "50% 50%";
        static double Axis(double from, double to) => to - from >= 0.999 ? 50 : Math.Clamp(from / (1 - (to - from)), 0, 1) * 100;
        return string.Create(CultureInfo.InvariantCulture, $"{Axis(v[0], v[2]):0.##}% {Axis(v[1], v[3]):0.##}%");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var item = await Db.ContentItems.AsNoTracking().Include(i => i.Edition)
            .FirstOrDefaultAsync(i => i.Id == id && i.DeletedAt == null, cancellationToken);
        if (item is null)
            return false;
        Item = item;
        Part = await renditions.PreviewAsync(item, cancellationToken);
        return true;
    }
}
