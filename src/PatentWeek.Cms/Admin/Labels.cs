using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Workflow;

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

    /// <summary>The kind's Chinese name, from the content-type registry.</summary>
    public static string Of(ContentKind kind) => ContentTypes.Of(kind).Label;

    /// <summary>What the audit page calls an action; a stored key the code no longer writes is shown as it is.</summary>
    public static string Action(string key) => AuditActions.TryParse(key, out var action) && Of(action) is { } label ? label : key;

    /// <summary>Every action has one (a test checks it): an administrator reads 上传媒体, not media.upload.</summary>
    public static string? Of(AuditAction action) => action switch
    {
        AuditAction.Create => "新建",
        AuditAction.Update => "保存",
        AuditAction.Submit => "提交审核",
        AuditAction.Approve => "通过",
        AuditAction.Reject => "退回",
        AuditAction.Publish => "发布",
        AuditAction.Unpublish => "撤下",
        AuditAction.Delete => "删除",
        AuditAction.Restore => "从回收站恢复",
        AuditAction.RevisionRestore => "恢复修订版本",
        AuditAction.SchedulePublish => "定时发布",
        AuditAction.ScheduleUnpublish => "定时撤下",
        AuditAction.ScheduleVoid => "定时发布作废",
        AuditAction.SignIn => "登录",
        AuditAction.SignInFailed => "登录失败",
        AuditAction.TokenCreate => "创建令牌",
        AuditAction.TokenRevoke => "吊销令牌",
        AuditAction.TokenUse => "使用令牌",
        AuditAction.UserAdd => "添加用户",
        AuditAction.UserDisable => "停用用户",
        AuditAction.UserEnable => "启用用户",
        AuditAction.UserChange => "修改角色",
        AuditAction.UserResetPassword => "重置密码",
        AuditAction.UserResetTwoFactor => "重置双因素",
        AuditAction.PasswordChange => "修改密码",
        AuditAction.TwoFactorEnable => "启用双因素",
        AuditAction.WordsUpdate => "修改敏感词",
        AuditAction.CityUpdate => "修改市州设置",
        AuditAction.MediaUpload => "上传媒体",
        AuditAction.MediaUpdate => "修改媒体",
        AuditAction.MediaDelete => "删除媒体",
        AuditAction.WeChatCrossPost => "同步到微信",
        AuditAction.WeChatSettings => "修改微信公众号设置",
        AuditAction.EditionTheme => "修改届次主题",
        AuditAction.SiteIdentityUpdate => "修改网站信息",
        AuditAction.SubmissionSave => "保存报送材料",
        AuditAction.SubmissionSubmit => "提交报送材料",
        AuditAction.SubmissionReturn => "退回报送材料",
        AuditAction.SubmissionAccept => "通过报送材料",
        AuditAction.DeadlineExtend => "延长报送期限",
        AuditAction.ReminderSend => "发送报送提醒",
        AuditAction.ResultsPublish => "公开市州成效",
        AuditAction.CampaignSettings => "修改报送任务或指标",
        _ => null,
    };
}
