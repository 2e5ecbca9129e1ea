using PatentWeek.Cms.Content.Types;

namespace PatentWeek.Cms.Workflow;

/// <summary>
/// A refused request as each reader gets it: the APIs answer the English <see cref="Detail"/> with the stable
/// <see cref="Code"/> (problem+json <c>code</c>); the admin UI shows the Chinese <see cref="Text"/>. Made only by
/// <see cref="Refusals"/>, so the three are decided together, in one place.
/// </summary>
public sealed record Refusal(string Code, string Detail, string Text);

/// <summary>
/// Chinese for refusals that carry no <see cref="Refusal"/> of their own (a new one not yet in the catalog, or a
/// framework message): what an editor can do about it, by status; and the Chinese names of the fields.
/// </summary>
public static class RefusalFallback
{
    public static string Text(int status) => status switch
    {
        StatusCodes.Status403Forbidden => "你的角色不能进行这一步操作。",
        StatusCodes.Status404NotFound => "没有找到这条内容。",
        StatusCodes.Status409Conflict => "这一步现在不能进行：内容的状态已经变化，请刷新页面后再试。",
        StatusCodes.Status413PayloadTooLarge => "文件太大，超过了允许的大小。",
        StatusCodes.Status415UnsupportedMediaType => "不支持这种文件类型。",
        StatusCodes.Status422UnprocessableEntity => "内容不符合发布要求，请按提示修改。",
        _ => "提交的内容不正确，请检查后再试。",
    };

    /// <summary>Chinese for a refused upload or media change, by status.</summary>
    public static string MediaText(int status) => status switch
    {
        StatusCodes.Status403Forbidden => "只有编辑或上传它的市州可以修改或删除这个媒体文件。",
        StatusCodes.Status404NotFound => "媒体库中没有这个文件。",
        StatusCodes.Status409Conflict => "这个媒体文件正在使用中，或刚被他人修改，请刷新后再试。",
        StatusCodes.Status413PayloadTooLarge => "文件太大，超过了允许的大小。",
        StatusCodes.Status415UnsupportedMediaType => "不支持这种文件：图片请用 JPEG、PNG、GIF 或 WebP，视频请用 MP4，文档请用 PDF、Word 或 Excel。",
        _ => "文件无法使用：可能已损坏、不完整或填写的信息有误，请检查后重新上传。",
    };

    /// <summary>A field error without Chinese of its own: names the field in Chinese.</summary>
    public static string FieldText(string field) => $"{FieldName(field)}填写不正确，请检查后再试。";

    /// <summary>The Chinese name of a request field (the labels of the editor form; a declared text field's from its declaration).</summary>
    public static string FieldName(string field) => field.Any(c => c is >= '\u4e00' and <= '\u9fff') ? field : TextFields.Find(field)?.Label ?? field.ToLowerInvariant() switch
    {
        "kind" => "类型",
        "edition" => "届次",
        "title" => "标题",
        "slug" => "网址别名",
        "body" => "正文",
        "city" => "市州",
        "tags" => "标签",
        "original" => "原创",
        "pinned" => "置顶",
        "startsat" => "开始时间",
        "endsat" => "结束时间",
        "version" => "版本",
        "at" => "时间",
        "alt" => "替代文字",
        "file" => "文件",
        "focalx" => "焦点横向",
        "focaly" => "焦点纵向",
        "email" => "邮箱",
        "password" => "密码",
        "code" => "验证码",
        "comment" => "退回意见",
        "block" => "禁止词",
        "warn" => "提醒词",
        _ => "该项",
    };
}
