using Microsoft.AspNetCore.Mvc;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Site;

namespace PatentWeek.Cms.Pages.Admin.Settings;

/// <summary>
/// The site's identity (网站信息): each value, where it comes from, and the ones an administrator may change (those
/// configuration sets are shown read-only). Saving evicts the public pages, which show it in the footer and title.
/// </summary>
public sealed class SiteModel(SiteIdentity identity, SiteIdentityAdmin admin) : AdminPage
{
    public SiteIdentityState State { get; private set; } = null!;

    /// <summary>The form's values by field name (<c>Values[SiteName]</c>).</summary>
    [BindProperty]
    public Dictionary<string, string?> Values { get; set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        State = await identity.StateAsync(cancellationToken);
        Values = SiteIdentityFields.All.ToDictionary(f => f.Name, f => State.Stored is { } row ? f.Get(row) : null);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The fields' own rule (control characters included) says everything, once, next to each field.
        ModelState.Clear();
        var errors = await admin.SaveAsync(Values, Actor, cancellationToken);
        if (errors.Count == 0)
        {
            TempData["Message"] = "已保存，网站各页已更新。";
            return RedirectToPage();
        }

        foreach (var (field, message) in errors)
            ModelState.AddModelError(InputName(field), message);
        State = await identity.StateAsync(cancellationToken);
        return Page();
    }

    public static string InputName(string field) => $"Values[{field}]";

    public SiteValueSource Source(string field) => State.Sources.GetValueOrDefault(field);

    public static string Label(SiteValueSource source) => source switch
    {
        SiteValueSource.Configuration => "配置文件",
        SiteValueSource.Administrator => "管理员填写",
        SiteValueSource.SeedFile => "种子文件",
        _ => "未设置",
    };
}
