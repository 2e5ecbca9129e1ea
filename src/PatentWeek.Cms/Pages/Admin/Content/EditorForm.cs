using System.ComponentModel.DataAnnotations;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Pages.Admin.Content;

/// <summary>The editor form; lengths are checked here (message next to the field) and again by the workflow.</summary>
public sealed class EditorForm
{
    public string? Kind { get; set; }

    [Required(ErrorMessage = "请填写标题"), MaxLength(200, ErrorMessage = "标题最多 200 字")]
    public string? Title { get; set; }

    [MaxLength(120, ErrorMessage = "网址别名最多 120 个字符")]
    public string? Slug { get; set; }

    [MaxLength(1000, ErrorMessage = "摘要最多 1000 字")]
    public string? Summary { get; set; }

    public string? City { get; set; }

    [MaxLength(1000, ErrorMessage = "标签太长")]
    public string? Tags { get; set; }

    [MaxLength(500, ErrorMessage = "封面地址最多 500 个字符")]
    public string? Cover { get; set; }

    [MaxLength(100, ErrorMessage = "来源最多 100 字")]
    public string? Source { get; set; }

    [MaxLength(100, ErrorMessage = "作者最多 100 字")]
    public string? Author { get; set; }

    [MaxLength(100, ErrorMessage = "责任编辑最多 100 字")]
    public string? ResponsibleEditor { get; set; }

    [MaxLength(32, ErrorMessage = "微信标题最多 32 字")]
    public string? WeChatTitle { get; set; }

    public bool Original { get; set; } = true;
    public bool Pinned { get; set; }
    public string? StartsAt { get; set; }
    public string? EndsAt { get; set; }

    [MaxLength(200, ErrorMessage = "地点最多 200 字")]
    public string? Location { get; set; }

    [MaxLength(200_000, ErrorMessage = "正文太长")]
    public string? Body { get; set; }

    public int? Version { get; set; }

    public ContentWriteRequest ToRequest() => new()
    {
        Kind = Kind,
        Title = Title,
        Slug = string.IsNullOrWhiteSpace(Slug) ? null : Slug,
        Summary = Summary,
        City = City,
        Cover = Cover,
        Tags = Tags?.Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
        Source = Source,
        Author = Author,
        ResponsibleEditor = ResponsibleEditor,
        WeChatTitle = WeChatTitle,
        Original = Original,
        Pinned = Pinned,
        StartsAt = StartsAt,
        EndsAt = EndsAt,
        Location = Location,
        Body = Body,
        Version = Version,
    };

    public static EditorForm From(ContentFields f, int version) => new()
    {
        Kind = f.Kind.ToName(),
        Title = f.Title,
        Slug = f.Slug,
        Summary = f.Summary,
        City = f.City,
        Tags = string.Join(", ", f.Tags),
        Cover = f.Cover,
        Source = f.Source,
        Author = f.Author,
        ResponsibleEditor = f.ResponsibleEditor,
        WeChatTitle = f.WeChatTitle,
        Original = f.IsOriginal,
        Pinned = f.IsPinned,
        StartsAt = Local(f.StartsAt),
        EndsAt = Local(f.EndsAt),
        Location = f.Location,
        Body = f.Body,
        Version = version,
    };

    private static string? Local(DateTime? utc) => utc is { } t ? BeijingTime.ToBeijing(t).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture) : null;
}
