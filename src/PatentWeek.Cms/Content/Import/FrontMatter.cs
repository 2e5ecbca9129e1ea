namespace PatentWeek.Cms.Content.Import;

/// <summary>
/// The YAML front matter of a content file, exactly as written (camelCase keys; unknown keys are errors).
/// Times are Beijing wall-clock strings such as <c>2019-11-30 09:00</c>.
/// </summary>
public sealed class FrontMatter
{
    public string? Kind { get; set; }
    public int? Edition { get; set; }
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Summary { get; set; }
    public string? City { get; set; }
    public List<string>? Tags { get; set; }
    public string? Cover { get; set; }
    public string? Source { get; set; }
    public string? Author { get; set; }
    public string? Editor { get; set; }
    public string? WeChatTitle { get; set; }
    public bool? Original { get; set; }
    public bool? Pinned { get; set; }
    public bool? Sample { get; set; }
    public string? State { get; set; }
    public string? PublishedAt { get; set; }
    public string? StartsAt { get; set; }
    public string? EndsAt { get; set; }
    public string? Location { get; set; }

    /// <summary>An event's type code (<c>training</c>…, see EventTypes).</summary>
    public string? Type { get; set; }
    public string? Organiser { get; set; }
    public string? CreatedAt { get; set; }
    public string? UpdatedAt { get; set; }
}
