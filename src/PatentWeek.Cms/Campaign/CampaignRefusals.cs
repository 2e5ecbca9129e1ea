using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Campaign;

/// <summary>
/// Every refusal of the campaign's paperwork (plans, reports, tasks), with its code, its English detail for the APIs and
/// its Chinese text for the admin; a new one is added here, never written where it is thrown.
/// </summary>
public static class CampaignRefusals
{
    // Who may do what.
    public static Refusal CitiesWriteOnly() => new("cities-write-submissions", "Only the city's own contributors write and submit its plan and report.", "方案和总结报告由市州通讯员填写和提交。");
    public static Refusal NoSuchCity(string city) => new("city-unknown", $"'{city}' is not a known city code.", $"“{city}”不是已知的市州代码。");
    public static Refusal AdministratorsConfigure() => new("administrators-configure", "Only administrators configure tasks and metrics.", "只有管理员可以设置报送任务和指标。");
    public static Refusal DueBeforeOpening() => new("due-before-opening", "The due day is before the opening day.", "截止日早于开始日。");
    public static Refusal Grace(int max) => new("grace-range", $"The grace is 0 to {max} minutes.", $"宽限时间须在 0 至 {max} 分钟之间。");
    public static Refusal PatternNeedsCity() => new("pattern-needs-city", "The title pattern names the city with {city}.", "标题格式须包含 {city}（市州名称）。");
    public static Refusal MetricKey() => new("metric-key", "A metric key is lower-case letters, digits and single hyphens.", "指标代码只能用小写英文字母、数字和单个连字符。");
    public static Refusal MetricKeyTaken(string key) => new("metric-key-taken", $"The key '{key}' is used twice.", $"指标代码“{key}”重复。");
    public static Refusal MetricDecimalsChoice() => new("metric-decimals-choice", "decimals is 0 (a count) or 2 (an amount).", "小数位只能是 0（计数）或 2（金额）。");
    public static Refusal PrefillUnknown() => new("prefill-unknown", "prefill is events-held, stories-published or media-reports.", "请从列表中选择系统统计项。");
    public static Refusal MetricInUse(IReadOnlyCollection<string> keys) => new("metric-in-use",
        $"Cities already filled in {string.Join(", ", keys)}; those metrics cannot be removed.", $"已有市州填报了这些指标，不能删除：{string.Join("、", keys)}。");
    public static Refusal NoPlannedEvent() => new("no-planned-event", "The plan has no such event (save it first).", "方案中没有这场活动，请先保存。");
    public static Refusal EditorsExtend() => new("editors-extend", "Only editors and administrators extend a deadline.", "只有编辑和管理员可以延长报送期限。");
    public static Refusal ExtendLater(DateOnly due) => new("extend-later", $"An extension is a day after the task's own due day, {due:yyyy-MM-dd}.", $"延长后的截止日须晚于原截止日（{due:yyyy年M月d日}）。");
    public static Refusal ReasonRequired() => new("reason-required", "Say why the deadline is extended.", "请填写延期理由。");
    public static Refusal EditorsRemind() => new("editors-remind", "Only editors and administrators send reminders.", "只有编辑和管理员可以发送提醒。");
    public static Refusal NoSuchEdition() => new("edition-unknown", "There is no such edition.", "没有这一届专利周。");
    public static Refusal NoTask(string kind) => new("no-task", $"This edition asks for no {kind}.", "本届没有这项报送任务。");
    public static Refusal NotOwed() => new("not-owed", "This city does not owe this submission in this edition.", "本届不要求该市州报送这项材料。");

    // Steps the state does not allow.
    public static Refusal SaveWhileSubmitted(string status) => new("save-not-editable",
        $"The submission is {status}; it can be changed only as a draft or after it was returned.", status == "accepted" ? "已通过的材料不能再修改。" : "材料已提交，正在审核，审核退回后才能修改。");
    public static Refusal SubmitNotEditable(string status) => new("submit-not-allowed",
        $"Only a draft or a returned submission can be submitted; this one is {status}.", status == "accepted" ? "材料已通过，不需要再提交。" : "材料已提交，请等待审核。");
    public static Refusal ReviewSubmittedOnly(string status) => new("review-submitted-only",
        $"Only a submitted submission can be returned or accepted; this one is {status}.", "只有已提交的材料可以退回或通过。");
    public static Refusal StaleVersion() => new("version-stale", "The submission was changed meanwhile; reload it and try again.", "材料已被他人修改，请刷新后再试。");
    public static Refusal CommentRequired() => new("comment-required", "Say what to fix: a comment is required to return a submission.", "退回时请写明需要修改的地方。");
    public static Refusal AcceptFirst() => new("accept-first", "Only an accepted report can be made public.", "只有已通过的总结报告可以公开。");

    // Fields.
    public static Refusal Required(string what) => new("required", $"{what} is required.", $"请填写{Chinese(what)}。");
    public static Refusal TooLong(int max) => new("too-long", $"At most {max} characters.", $"最多 {max} 个字。");
    public static Refusal TooMany(int max) => new("too-many", $"At most {max} entries.", $"最多 {max} 项。");
    public static Refusal FewerEvents(int minimum) => new("events-below-minimum",
        $"The plan must list at least {minimum} themed event(s).", $"方案至少需要列出 {minimum} 场主题活动。");
    public static Refusal EventTypeUnknown() => new("event-type-unknown", "type must be one of " + string.Join(", ", Content.Types.EventTypes.All.Select(t => t.Code)) + ".", "请选择活动类型。");
    public static Refusal ChannelUnknown() => new("channel-unknown", "channels are among " + string.Join(", ", Forms.PublicityChannels.All.Select(t => t.Code)) + ".", "请从列表中选择宣传渠道。");
    public static Refusal DateOutsideEdition(DateOnly from, DateOnly to) => new("date-outside-edition",
        $"The date must be within the edition, {from:yyyy-MM-dd} to {to:yyyy-MM-dd}.", $"日期须在本届活动期间（{from:yyyy年M月d日}至{to:yyyy年M月d日}）。");
    public static Refusal Participants() => new("participants-range", "Participants is a whole number from 0 to 1,000,000.", "人数须是 0 至 1,000,000 之间的整数。");
    public static Refusal Phone() => new("phone-format", "A phone number is 7 to 20 digits, with - or spaces, and an optional leading +.", "电话号码格式不正确（7 至 20 位数字，可含“-”）。");
    public static Refusal Link() => new("link-format", "A link is an absolute http or https address.", "链接须是以 http:// 或 https:// 开头的完整网址。");
    public static Refusal MetricUnknown(string key) => new("metric-unknown", $"This edition has no metric '{key}'.", "本届没有这项指标。");
    public static Refusal MetricNegative() => new("metric-negative", "A metric cannot be negative.", "数字不能为负数。");
    public static Refusal MetricDecimals(int decimals) => new("metric-decimals",
        decimals == 0 ? "A count is a whole number." : $"At most {decimals} decimals.", decimals == 0 ? "这一项须是整数。" : $"金额最多保留 {decimals} 位小数。");
    public static Refusal MetricTooLarge(decimal max) => new("metric-too-large", $"At most {max:0.##}.", $"数字不能超过 {max:0.##}。");
    public static Refusal SectionUnknown(string key) => new("section-unknown", $"There is no section '{key}'.", "总结报告没有这一部分。");
    public static Refusal AttachmentMissing(int id) => new("attachment-missing", $"There is no media {id} in the library (or it is another city's).", "媒体库中没有这个文件，请重新上传。");
    public static Refusal ScanType() => new("scan-type", "The stamped scan must be a PDF or an image.", "盖章扫描件须是 PDF 或图片。");
    public static Refusal DocumentType() => new("document-type", "The editable document must be a Word .docx file without macros.", "可编辑文档须是不含宏的 Word（.docx）文件。");

    /// <summary>The Chinese names of the forms' fields, for "请填写…" and the versions' lists of changes.</summary>
    public static string Chinese(string field) => field switch
    {
        "scan" => "盖章扫描件",
        "contactName" => "联系人",
        "contactPhone" => "联系电话",
        "events" => "计划活动",
        "date" => "日期",
        "type" => "活动类型",
        "place" => "地点",
        "organiser" => "主办单位",
        "overview" => "活动安排概述",
        "expectedParticipants" => "预计参与人数",
        "itemId" => "活动条目",
        "channels" => "宣传渠道",
        "publicity" => "宣传安排",
        "document" => "可编辑文档",
        "outlet" => "媒体",
        "url" => "链接",
        "title" => "名称",
        "dueOn" => "截止日",
        "opensOn" => "开始日",
        "cities" => "市州",
        "label" => "名称",
        "unit" => "单位",
        "public" => "是否公开",
        _ => Forms.ReportSections.Find(field)?.Label ?? field,
    };
}
