namespace PatentWeek.Cms.Workflow;

/// <summary>
/// Everything the audit log records. The code can write no other action, so the admin's labels
/// (<see cref="Admin.Labels.Of(AuditAction)"/>) can be checked against this list.
/// </summary>
public enum AuditAction
{
    Create,
    Update,
    Submit,
    Approve,
    Reject,
    Publish,
    Unpublish,
    Delete,
    Restore,
    RevisionRestore,
    SchedulePublish,
    ScheduleUnpublish,
    ScheduleVoid,
    SignIn,
    SignInFailed,
    TokenCreate,
    TokenRevoke,
    TokenUse,
    UserAdd,
    UserDisable,
    UserEnable,
    UserChange,
    UserResetPassword,
    UserResetTwoFactor,
    PasswordChange,
    TwoFactorEnable,
    WordsUpdate,
    CityUpdate,
    MediaUpload,
    MediaUpdate,
    MediaDelete,
    WeChatCrossPost,
    WeChatSettings,
    EditionTheme,
    SiteIdentityUpdate,
    SubmissionSave,
    SubmissionSubmit,
    SubmissionReturn,
    SubmissionAccept,
    DeadlineExtend,
    ReminderSend,
    ResultsPublish,
    CampaignSettings,
}

/// <summary>The stable keys the audit log stores and the APIs answer (<c>media.upload</c>), one per action.</summary>
public static class AuditActions
{
    private static readonly Dictionary<AuditAction, string> Keys = new()
    {
        [AuditAction.Create] = "create",
        [AuditAction.Update] = "update",
        [AuditAction.Submit] = "submit",
        [AuditAction.Approve] = "approve",
        [AuditAction.Reject] = "reject",
        [AuditAction.Publish] = "publish",
        [AuditAction.Unpublish] = "unpublish",
        [AuditAction.Delete] = "delete",
        [AuditAction.Restore] = "restore",
        [AuditAction.RevisionRestore] = "revision.restore",
        [AuditAction.SchedulePublish] = "schedule.publish",
        [AuditAction.ScheduleUnpublish] = "schedule.unpublish",
        [AuditAction.ScheduleVoid] = "schedule.void",
        [AuditAction.SignIn] = "signin",
        [AuditAction.SignInFailed] = "signin.failed",
        [AuditAction.TokenCreate] = "token.create",
        [AuditAction.TokenRevoke] = "token.revoke",
        [AuditAction.TokenUse] = "token.use",
        [AuditAction.UserAdd] = "user.add",
        [AuditAction.UserDisable] = "user.disable",
        [AuditAction.UserEnable] = "user.enable",
        [AuditAction.UserChange] = "user.change",
        [AuditAction.UserResetPassword] = "user.reset-password",
        [AuditAction.UserResetTwoFactor] = "user.reset-2fa",
        [AuditAction.PasswordChange] = "password.change",
        [AuditAction.TwoFactorEnable] = "twofactor.enable",
        [AuditAction.WordsUpdate] = "words.update",
        [AuditAction.CityUpdate] = "city.update",
        [AuditAction.MediaUpload] = "media.upload",
        [AuditAction.MediaUpdate] = "media.update",
        [AuditAction.MediaDelete] = "media.delete",
        [AuditAction.WeChatCrossPost] = "wechat.crosspost",
        [AuditAction.WeChatSettings] = "wechat.settings",
        [AuditAction.EditionTheme] = "edition.theme",
        [AuditAction.SiteIdentityUpdate] = "site.update",
        [AuditAction.SubmissionSave] = "submission.save",
        [AuditAction.SubmissionSubmit] = "submission.submit",
        [AuditAction.SubmissionReturn] = "submission.return",
        [AuditAction.SubmissionAccept] = "submission.accept",
        [AuditAction.DeadlineExtend] = "deadline.extend",
        [AuditAction.ReminderSend] = "reminder.send",
        [AuditAction.ResultsPublish] = "results.publish",
        [AuditAction.CampaignSettings] = "campaign.settings",
    };

    private static readonly Dictionary<string, AuditAction> ByKey = Keys.ToDictionary(k => k.Value, k => k.Key, StringComparer.Ordinal);

    public static IReadOnlyCollection<AuditAction> All => Keys.Keys;

    public static string Key(AuditAction action) => Keys.TryGetValue(action, out var key) ? key : throw new ArgumentOutOfRangeException(nameof(action), action, "The action has no key.");

    public static bool TryParse(string? key, out AuditAction action) => ByKey.TryGetValue(key ?? "", out action);
}
