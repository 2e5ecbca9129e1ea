using PatentWeek.Cms.Data.WeChat;
using PatentWeek.Cms.WeChat;

namespace PatentWeek.Cms.Pages.Admin.WeChat;

/// <summary>Chinese words for the WeChat pages; the stored names and the API stay English.</summary>
public static class WeChatLabels
{
    public static string Of(WeChatPostStatus status) => status switch
    {
        WeChatPostStatus.Queued => "排队中",
        WeChatPostStatus.Uploading => "上传中",
        WeChatPostStatus.Drafted => "已建草稿",
        WeChatPostStatus.Publishing => "发布中",
        WeChatPostStatus.Published => "已发布",
        WeChatPostStatus.Failed => "失败",
        _ => status.ToString(),
    };

    /// <summary>The badge colour: done, failed, or still on its way.</summary>
    public static string StateClass(WeChatPostStatus status) => status switch
    {
        WeChatPostStatus.Published => "state state-published",
        WeChatPostStatus.Failed => "state state-failed",
        _ => "state state-approved",
    };

    /// <summary>A step's name as people read it; a name added later shows as it is stored.</summary>
    public static string Step(string name) => name switch
    {
        "queued" => "排队",
        "uploading" => "开始上传",
        "draft-requested" => "请求新建草稿",
        "drafted" => "已建草稿",
        "submit-requested" => "请求发布",
        "submitted" => "已提交发布",
        "checking" => "查找上次请求的结果",
        "published" => "已发布",
        "replaced" => "已删除被替换的旧文章",
        "retry-later" => "稍后重试",
        "failed" => "失败",
        _ => name,
    };

    public static string Of(WeChatValueSource source) => source switch
    {
        WeChatValueSource.Configuration => "配置文件",
        WeChatValueSource.Administrator => "管理员填写",
        WeChatValueSource.Emulator => "内置模拟器",
        _ => "未设置",
    };
}
