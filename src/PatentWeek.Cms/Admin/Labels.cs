using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Admin;

/// <summary>Chinese labels for the admin UI; the APIs keep the English names.</summary>
public static class Labels
{
    public static string Of(ContentState state) => state switch
    {
        ContentState.Draft => "草稿",
        ContentState.Submitted => "待审核",
        ContentState.Approved => "已通过",
        ContentState.Published => "已发布",
        ContentState.Archived => "已撤下",
        _ => state.ToString(),
    };

    public static string Of(ContentKind kind) => kind switch
    {
        ContentKind.Page => "页面",
        ContentKind.News => "新闻",
        ContentKind.Topic => "专题",
        ContentKind.Video => "视频",
        ContentKind.Story => "市州亮点",
        ContentKind.Event => "活动",
        _ => kind.ToString(),
    };

    public static string Action(string action) => action switch
    {
        "create" => "新建",
        "update" => "保存",
        "submit" => "提交审核",
        "approve" => "通过",
        "reject" => "退回",
        "publish" => "发布",
        "unpublish" => "撤下",
        "delete" => "删除",
        "restore" => "从回收站恢复",
        "revision.restore" => "恢复修订版本",
        "schedule.publish" => "定时发布",
        "schedule.unpublish" => "定时撤下",
        "schedule.void" => "定时发布作废",
        "signin" => "登录",
        "signin.failed" => "登录失败",
        "signout" => "退出",
        "token.create" => "创建令牌",
        "token.revoke" => "吊销令牌",
        "token.use" => "使用令牌",
        "user.add" => "添加用户",
        "user.disable" => "停用用户",
        "user.enable" => "启用用户",
        "user.change" => "修改角色",
        "user.reset-password" => "重置密码",
        "user.reset-2fa" => "重置双因素",
        "password.change" => "修改密码",
        "twofactor.enable" => "启用双因素",
        "words.update" => "修改敏感词",
        "city.update" => "修改市州设置",
        _ => action,
    };
}
