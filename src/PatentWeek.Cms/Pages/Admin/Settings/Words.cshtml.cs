using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Workflow;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Pages.Admin.Settings;

public sealed class WordsModel(CmsDbContext db, AuditLog audit) : AdminPage
{
    [BindProperty] public string? Block { get; set; }
    [BindProperty] public string? Warn { get; set; }

    public async Task OnGetAsync()
    {
        var words = await db.SensitiveWords.AsNoTracking().OrderBy(w => w.Word).ToListAsync();
        Block = string.Join('\n', words.Where(w => w.Level == SensitiveWordLevel.Block).Select(w => w.Word));
        Warn = string.Join('\n', words.Where(w => w.Level == SensitiveWordLevel.Warn).Select(w => w.Word));
    }

    public Task<IActionResult> OnPostAsync() => StepAsync(
        async () =>
        {
            // The list is text written to the database and shown to editors; checked here, where it is written.
            ControlCharacters.Ensure("block", Block);
            ControlCharacters.Ensure("warn", Warn);
            var block = Lines(Block);
            var warn = Lines(Warn).Except(block).ToList();
            if (block.Concat(warn).Any(w => w.Length > 64))
            {
                ModelState.AddModelError("", "每个词最多 64 个字。");
                return Page();
            }

            db.SensitiveWords.RemoveRange(await db.SensitiveWords.ToListAsync());
            db.SensitiveWords.AddRange(block.Select(w => new SensitiveWord { Word = w, Level = SensitiveWordLevel.Block }));
            db.SensitiveWords.AddRange(warn.Select(w => new SensitiveWord { Word = w, Level = SensitiveWordLevel.Warn }));
            audit.Record(Actor, AuditAction.WordsUpdate, "words", $"禁止 {block.Count} 个，提醒 {warn.Count} 个");
            await db.SaveChangesAsync();
            TempData["Message"] = "已保存。";
            return RedirectToPage();
        },
        () => Task.FromResult<IActionResult>(Page()));

    protected override string FieldName(string requestField) => requestField == "warn" ? nameof(Warn) : nameof(Block);

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
}
