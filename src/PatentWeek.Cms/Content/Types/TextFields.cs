namespace PatentWeek.Cms.Content.Types;

/// <summary>
/// The declaration of every simple optional text field: the one place a field such as 责任编辑 is named, labelled and
/// limited. Adding one is a line here, a column (entity and migration) and the template that shows it.
/// </summary>
public static class TextFields
{
    public static readonly TextField Summary = new()
    {
        Name = "summary", Label = "摘要", MaxLength = 1000, FormGroup = FormGroups.Head, FormId = "summary", Multiline = true, TrimOnImport = true,
        Read = i => i.Summary, Write = (i, v) => i.Summary = v, ReadFile = f => f.Summary, WriteFile = (f, v) => f.Summary = v,
    };

    public static readonly TextField WeChatTitle = new()
    {
        Name = "weChatTitle", Label = "微信标题", MaxLength = 32, FormGroup = FormGroups.Head, FormId = "wechat-title", TrimOnImport = true,
        FormLabel = "微信标题（标题超过 32 字时必填，留空则用标题）",
        Read = i => i.WeChatTitle, Write = (i, v) => i.WeChatTitle = v, ReadFile = f => f.WeChatTitle, WriteFile = (f, v) => f.WeChatTitle = v,
    };

    public static readonly TextField Cover = new()
    {
        Name = "cover", Label = "封面", MaxLength = 500, FormGroup = FormGroups.Cover, FormId = "cover",
        FormLabel = "封面（媒体库地址，如 /media/12）", TooLong = "封面地址最多 500 个字符",
        Read = i => i.Cover, Write = (i, v) => i.Cover = v, ReadFile = f => f.Cover, WriteFile = (f, v) => f.Cover = v,
    };

    public static readonly TextField Source = new()
    {
        Name = "source", Label = "来源", MaxLength = 100, FormGroup = FormGroups.Credits, FormId = "source",
        Read = i => i.Source, Write = (i, v) => i.Source = v, ReadFile = f => f.Source, WriteFile = (f, v) => f.Source = v,
    };

    public static readonly TextField Author = new()
    {
        Name = "author", Label = "作者", MaxLength = 100, FormGroup = FormGroups.Credits, FormId = "author",
        Read = i => i.Author, Write = (i, v) => i.Author = v, ReadFile = f => f.Author, WriteFile = (f, v) => f.Author = v,
    };

    public static readonly TextField ResponsibleEditor = new()
    {
        Name = "responsibleEditor", Label = "责任编辑", MaxLength = 100, FormGroup = FormGroups.Credits, FormId = "editor", FileKey = "editor",
        Read = i => i.ResponsibleEditor, Write = (i, v) => i.ResponsibleEditor = v, ReadFile = f => f.Editor, WriteFile = (f, v) => f.Editor = v,
    };

    public static readonly TextField Location = new()
    {
        Name = "location", Label = "地点", MaxLength = 200, FormGroup = FormGroups.Event, FormId = "location",
        Read = i => i.Location, Write = (i, v) => i.Location = v, ReadFile = f => f.Location, WriteFile = (f, v) => f.Location = v,
    };

    /// <summary>An event's kind (宣讲、培训…), one of <see cref="EventTypes"/>; files call it <c>type</c>.</summary>
    public static readonly TextField EventType = new()
    {
        Name = "eventType", Label = "活动类型", MaxLength = 32, FormGroup = FormGroups.Event, FormId = "event-type", FileKey = "type", TrimOnImport = true,
        Choices = EventTypes.All,
        Read = i => i.EventType, Write = (i, v) => i.EventType = v, ReadFile = f => f.Type, WriteFile = (f, v) => f.Type = v,
    };

    public static readonly TextField Organiser = new()
    {
        Name = "organiser", Label = "主办单位", MaxLength = 200, FormGroup = FormGroups.Event, FormId = "organiser",
        Read = i => i.Organiser, Write = (i, v) => i.Organiser = v, ReadFile = f => f.Organiser, WriteFile = (f, v) => f.Organiser = v,
    };

    /// <summary>Every declared field, in the order the JSON, the files and the diff list them.</summary>
    public static readonly IReadOnlyList<TextField> All = [Summary, WeChatTitle, Cover, Source, Author, ResponsibleEditor, Location, EventType, Organiser];

    /// <summary>The fields only events have (a kind's declaration opts in to them).</summary>
    public static readonly IReadOnlyList<TextField> EventOnly = [EventType, Organiser];

    /// <summary>The fields every kind has.</summary>
    public static readonly IReadOnlyList<TextField> Common = [.. All.Except(EventOnly)];

    private static readonly Dictionary<string, TextField> ByName = All.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The field with this JSON name (any case), or null.</summary>
    public static TextField? Find(string name) => ByName.GetValueOrDefault(name);
}
