using Microsoft.AspNetCore.Mvc;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Content;

namespace PatentWeek.Cms.Pages.Admin;

/// <summary>The editor's live preview: the same renderer and sanitiser as a save, so it is exactly what will be published.</summary>
public sealed class PreviewModel(MarkdownRenderer markdown) : AdminPage
{
    public IActionResult OnGet() => NotFound();

    public IActionResult OnPost([FromForm] string? body)
    {
        if (body?.Length > 200_000)
            return BadRequest();
        return Content(markdown.ToHtml(body ?? ""), "text/html; charset=utf-8");
    }
}
