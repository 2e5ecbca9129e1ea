using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Workflow;

namespace PatentWeek.Cms.Workflow;

/// <summary>One occurrence of a listed word, with a little of the text around it.</summary>
public sealed record WordHit(string Word, string Level, string Field, string Context);

/// <summary>Checks an item's text against the administrator's block and warn lists.</summary>
public sealed class SensitiveWords(CmsDbContext db)
{
    private const int Around = 12;

    public async Task<IReadOnlyList<WordHit>> FindAsync(ContentFields fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var words = await db.SensitiveWords.AsNoTracking().ToListAsync(cancellationToken);
        var texts = new (string Field, string? Text)[]
        {
            ("title", fields.Title), ("summary", fields.Summary), ("body", fields.Body), ("tags", string.Join(' ', fields.Tags)),
        };
        var hits = new List<WordHit>();
        foreach (var word in words.Where(w => w.Word.Length > 0))
        {
            foreach (var (field, text) in texts)
            {
                if (text is null)
                    continue;
                for (var i = text.IndexOf(word.Word, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(word.Word, i + word.Word.Length, StringComparison.OrdinalIgnoreCase))
                {
                    var start = Math.Max(0, i - Around);
                    var end = Math.Min(text.Length, i + word.Word.Length + Around);
                    hits.Add(new WordHit(word.Word, word.Level == SensitiveWordLevel.Block ? "block" : "warn", field, text[start..end]));
                }
            }
        }

        return hits;
    }

    /// <summary>Refuses (422) when a blocking word is present; returns the warnings otherwise.</summary>
    public async Task<IReadOnlyList<WordHit>> EnsureAllowedAsync(ContentFields fields, CancellationToken cancellationToken = default)
    {
        var hits = await FindAsync(fields, cancellationToken);
        var blocking = hits.Where(h => h.Level == "block").ToList();
        if (blocking.Count > 0)
        {
            throw new WorkflowException(StatusCodes.Status422UnprocessableEntity,
                Refusals.BlockedWords([.. blocking.Select(h => h.Word).Distinct()]),
                new Dictionary<string, object?> { ["hits"] = hits });
        }

        return hits;
    }
}
