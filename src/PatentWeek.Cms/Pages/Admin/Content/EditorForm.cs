using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Pages.Admin.Content;

/// <summary>
/// The editor form; lengths are checked here (message next to the field) and again by the workflow. The declared
/// <see cref="TextFields"/> are posted as <c>Form.Texts[name]</c>, shown, labelled and limited by their declaration.
/// </summary>
public sealed class EditorForm
{
    public string? Kind { get; set; }

    [Required(ErrorMessage = "请填写标题"), MaxLength(200, ErrorMessage = "标题最多 200 字")]
    public string? Title { get; set; }

    [MaxLength(120, ErrorMessage = "网址别名最多 120 个字符")]
    public string? Slug { get; set; }

    public string? City { get; set; }

    [MaxLength(1000, ErrorMessage = "标签太长")]
    public string? Tags { get; set; }

    public bool Original { get; set; } = true;
    public bool Pinned { get; set; }
    public string? StartsAt { get; set; }
    public string? EndsAt { get; set; }

    [MaxLength(200_000, ErrorMessage = "正文太长")]
    public string? Body { get; set; }

    public int? Version { get; set; }

    /// <summary>The declared text fields by name.</summary>
    public Dictionary<string, string?> Texts { get; set; } = new(StringComparer.Ordinal);

    public string? Text(TextField field) => Texts.GetValueOrDefault(field.Name);

    /// <summary>The declared limits, each refused next to its field in the declaration's Chinese.</summary>
    public void CheckLimits(ModelStateDictionary modelState, string prefix)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var field in TextFields.All.Where(f => Text(f)?.Length > f.MaxLength))
            modelState.AddModelError($"{prefix}.{nameof(Texts)}[{field.Name}]", field.TooLong);
    }

    public ContentWriteRequest ToRequest() => new()
    {
        Kind = Kind,
        Title = Title,
        Slug = string.IsNullOrWhiteSpace(Slug) ? null : Slug,
        City = City,
        Tags = Tags?.Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
        Original = Original,
        Pinned = Pinned,
        StartsAt = StartsAt,
        EndsAt = EndsAt,
        Body = Body,
        Version = Version,
        Texts = TextValues.From(Text),
    };

    public static EditorForm From(ContentFields f, int version) => new()
    {
        Kind = f.Kind.ToName(),
        Title = f.Title,
        Slug = f.Slug,
        City = f.City,
        Tags = string.Join(", ", f.Tags),
        Original = f.IsOriginal,
        Pinned = f.IsPinned,
        StartsAt = Local(f.StartsAt),
        EndsAt = Local(f.EndsAt),
        Body = f.Body,
        Version = version,
        Texts = TextFields.All.ToDictionary(t => t.Name, t => f.Texts[t]),
    };

    private static string? Local(DateTime? utc) => utc is { } t ? BeijingTime.ToBeijing(t).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture) : null;
}
