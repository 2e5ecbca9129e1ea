using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.WeChat;
using PatentWeek.Cms.WeChat;

namespace PatentWeek.Cms.Pages.Admin.WeChat;

/// <summary>Recent cross-posts with every step, retry of a failed one, and several items sent as one multi-article post.</summary>
public sealed class IndexModel(CmsDbContext db, CrossPosts crossPosts, WeChatAccounts accounts) : AdminPage
{
    private static readonly char[] Separators = [',', '，', '、', ';', '；', ' ', '\t'];

    public IReadOnlyList<WeChatPost> Posts { get; private set; } = [];
    public IReadOnlyDictionary<int, string> Titles { get; private set; } = new Dictionary<int, string>();
    public WeChatAccount Account { get; private set; } = null!;

    /// <summary>Item ids for a multi-article post, in order.</summary>
    [BindProperty]
    public string? Items { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRetryAsync(long postId, CancellationToken cancellationToken)
    {
        var outcome = await crossPosts.RetryAsync(postId, Actor, cancellationToken);
        if (outcome.Accepted)
        {
            TempData["Message"] = $"已重新开始同步（新的同步 #{outcome.Post!.Id}）。";
            return RedirectToPage();
        }

        ModelState.AddModelError("", $"同步 #{postId}：{outcome.Message}");
        AddProblems("", outcome.Problems, null);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCrossPostAsync(CancellationToken cancellationToken)
    {
        var ids = Parse(Items);
        var outcome = ids is null ? null : await crossPosts.RequestAsync(ids, Actor, cancellationToken);
        if (outcome is { Accepted: true })
        {
            TempData["Message"] = $"已开始同步 #{outcome.Post!.Id}（{ids!.Count} 篇）。";
            return RedirectToPage();
        }

        await LoadAsync(cancellationToken);
        if (outcome is null)
            ModelState.AddModelError(nameof(Items), $"请填写 1 至 {CrossPosts.MaxArticles} 个内容编号，用逗号分隔，例如 12,15,18。");
        else
        {
            ModelState.AddModelError(nameof(Items), outcome.Message ?? "无法同步。");
            AddProblems(nameof(Items), outcome.Problems, ids);
        }

        return Page();
    }

    public IEnumerable<string> ErrorsFor(string key) =>
        ModelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    /// <summary>The ids typed (comma, Chinese comma, 、 or space between them); null when one is not a number.</summary>
    public static List<int>? Parse(string? text)
    {
        var parts = (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ids = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part.TrimStart('#'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) || id < 1)
                return null;
            ids.Add(id);
        }

        return ids.Count is 0 or > CrossPosts.MaxArticles ? null : ids;
    }

    /// <summary>CrossPosts names a problem's article <c>item</c> (one) or <c>items[n]</c> (several).</summary>
    private void AddProblems(string key, IReadOnlyDictionary<string, string[]>? problems, List<int>? ids)
    {
        foreach (var (field, messages) in problems ?? new Dictionary<string, string[]>())
        {
            var position = field.StartsWith("items[", StringComparison.Ordinal) && int.TryParse(field[6..^1], out var n) ? n : 0;
            var which = ids is not null && position < ids.Count
                ? $"第 {position + 1} 篇《{Titles.GetValueOrDefault(ids[position]) ?? "#" + ids[position]}》"
                : $"第 {position + 1} 篇";
            foreach (var message in messages)
                ModelState.AddModelError(key, $"{which}：{message}");
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Account = await accounts.CurrentAsync(cancellationToken);
        Posts = await db.WeChatPosts.AsNoTracking().AsSplitQuery().Include(p => p.Items).Include(p => p.Steps)
            .OrderByDescending(p => p.Id).Take(50).ToListAsync(cancellationToken);
        var ids = Posts.SelectMany(p => p.Items).Select(i => i.ContentItemId).Concat(Parse(Items) ?? []).Distinct().ToList();
        Titles = await db.ContentItems.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Title, cancellationToken);
    }
}
