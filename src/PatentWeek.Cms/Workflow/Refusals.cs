using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Workflow;

/// <summary>
/// Every refusal of the content workflow with its code, its English detail for the APIs and its Chinese text for
/// the admin UI. A new refusal is added here, never written as a sentence where it is thrown.
/// </summary>
public static class Refusals
{
    // Who may do what.
    public static Refusal CannotCreate() => new("role-cannot-create", "Your role cannot create content.", "你的角色不能新建内容。");
    public static Refusal CityKindsOnly() => new("city-kinds-only", "City contributors create stories and events only.", "市州投稿人只能新建市州亮点和活动。");
    public static Refusal OwnCityOnly() => new("own-city-only", "City contributors create items for their own city only.", "市州投稿人只能为本市州新建内容。");
    public static Refusal KeepOwnCity() => new("keep-own-city", "City contributors keep items in their own city.", "市州投稿人不能把内容改到其他市州。");
    public static Refusal CannotEdit() => new("role-cannot-edit", "Your role cannot edit this item.", "你的角色不能编辑这条内容。");

    public static Refusal CityEditsDraftsOnly(ContentState state) => new("city-edits-drafts-only",
        $"The item is {state.ToString().ToLowerInvariant()}; a city contributor can edit drafts only.", $"这条内容当前为“{Labels.Of(state)}”：市州投稿人只能编辑草稿。");

    public static Refusal DeleteBeyondDraft() => new("delete-beyond-draft", "Only editors delete items that are beyond draft.", "草稿以外的内容只有编辑可以删除。");
    public static Refusal ReviewersOnly() => new("reviewers-only", "Only reviewers, editors and administrators approve or reject.", "只有审核员、编辑和管理员可以通过或退回。");
    public static Refusal EditorsPublish() => new("editors-publish", "Only editors and administrators publish, unpublish and schedule.", "只有编辑和管理员可以发布、撤下和定时。");
    public static Refusal CannotSubmit() => new("role-cannot-submit", "Your role cannot submit this item.", "你的角色不能提交这条内容。");
    public static Refusal RevisionOfOtherCity() => new("revision-other-city", "That revision belongs to another city.", "该修订版本属于其他市州。");

    // Filters of the staff lists.
    /// <summary>A text search refused by <see cref="Search.SearchQuery"/> (empty, too long, nothing to search for): its own code and words.</summary>
    public static Refusal Search(Search.SearchRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new(refusal.Code, refusal.Detail, refusal.Message);
    }

    // Steps the item's state does not allow.
    public static Refusal ApprovedOnlyPublish() => new("publish-needs-approval", "Only approved items can be published, apart from your own drafts.", "只有审核通过的内容可以发布（自己的草稿除外）。");
    public static Refusal SubmitDraftsOnly(ContentState state) => new("submit-drafts-only", $"Only drafts can be submitted; this one is {state.ToName()}.", $"只有草稿可以提交审核；这条内容当前为“{Labels.Of(state)}”。");
    public static Refusal ApproveSubmittedOnly(ContentState state) => new("approve-submitted-only", $"Only submitted items can be approved; this one is {state.ToName()}.", $"只有待审核的内容可以通过；这条内容当前为“{Labels.Of(state)}”。");
    public static Refusal RejectSubmittedOnly(ContentState state) => new("reject-submitted-only", $"Only submitted items can be rejected; this one is {state.ToName()}.", $"只有待审核的内容可以退回；这条内容当前为“{Labels.Of(state)}”。");
    public static Refusal NothingToPublish() => new("nothing-to-publish", "The item is already published and has no pending changes.", "这条内容已经发布，没有待发布的修改。");
    public static Refusal ScheduleUnpublishPublishedOnly() => new("schedule-unpublish-published-only", "Only published or scheduled items can be scheduled to unpublish.", "只有已发布或已定时发布的内容可以定时撤下。");
    public static Refusal UnpublishPublishedOnly(ContentState state) => new("unpublish-published-only", $"Only published items can be unpublished; this one is {state.ToName()}.", $"只有已发布的内容可以撤下；这条内容当前为“{Labels.Of(state)}”。");
    public static Refusal NotInTrash() => new("not-in-trash", "The item is not in the trash.", "这条内容不在回收站里。");
    public static Refusal TrashExpired() => new("trash-expired", "The item was in the trash for more than 30 days.", "这条内容在回收站里已超过 30 天，不能恢复。");
    public static Refusal NotFound() => new("not-found", "There is no such item.", "没有这条内容。");
    public static Refusal NoRevision(int number) => new("no-revision", $"The item has no revision {number}.", $"这条内容没有第 {number} 版修订。");

    // Saving.
    public static Refusal SavedMeanwhile() => new("saved-meanwhile", "Someone else saved this item at the same moment; reload it and try again.", "有人同时保存了这条内容，请刷新后再试。");
    public static Refusal SaveCollides() => new("save-collides", "The save collides with another item (its address is taken); change the slug and try again.", "保存与另一条内容冲突（网址已被占用），请修改网址别名后再试。");

    public static Refusal BlockedWords(IReadOnlyCollection<string> words) => new("blocked-words",
        $"The text contains {words.Count} blocked word(s): {string.Join("、", words)}.", $"文中有 {words.Count} 个禁用词：{string.Join("、", words)}。请删除或改写后再试。");

    public static Refusal MissingAlt(IReadOnlyCollection<string> pictures) => new("missing-alt",
        $"Every picture needs alt text (替代文字) before publishing; missing for: {string.Join("; ", pictures)}.",
        $"发布前每张图片都需要替代文字，缺少的有：{string.Join("；", pictures)}。");

    // Field errors of a content request.
    public static Refusal KindFixed(ContentKind kind) => new("kind-fixed",
        $"An item's kind cannot change (it is {kind.ToName()}); create a new item instead.", $"内容类型创建后不能更改（这条是{Labels.Of(kind)}），如需其他类型请新建一条。");

    public static Refusal ControlCharacter(string field, string text, int index) => new(ControlCharacters.Code,
        $"The field {field} {ControlCharacters.English(text, index)}", RefusalFallback.FieldName(field) + ControlCharacters.Chinese);

    public static Refusal KindUnknown() => new("kind-unknown", $"kind must be one of {string.Join(", ", ContentKinds.Names)}.", "请选择内容类型。");
    public static Refusal EditionUnknown() => new("edition-unknown", "There is no such edition.", "没有这一届专利周。");
    public static Refusal VersionMissing() => new("version-missing", "Send the version you edited, as If-Match or 'version'.", "缺少所编辑的版本号，请刷新页面后再保存。");
    public static Refusal TitleRequired() => new("title-required", "The title is required.", "请填写标题。");
    public static Refusal SlugFormat() => new("slug-format", "Slugs are lower-case ASCII letters, digits and single hyphens.", "网址别名只能用小写英文字母、数字和单个连字符。");
    public static Refusal SlugTaken(string slug, ContentKind kind) => new("slug-taken", $"The slug '{slug}' is already used in this edition for a {kind.ToName()}.", $"本届已有{Labels.Of(kind)}使用网址别名“{slug}”，请换一个。");
    public static Refusal CityUnknown(string city) => new("city-unknown", $"'{city}' is not a known city code.", $"“{city}”不是已知的市州代码。");
    public static Refusal CityRequired() => new("city-required", "Stories and events belong to a city.", "市州亮点和活动需要选择市州。");
    public static Refusal TagTooLong() => new("tag-too-long", "Each tag is at most 64 characters.", "每个标签最多 64 个字。");
    public static Refusal TimeFormat() => new("time-format", "Use Beijing time like 2019-12-01 09:00, or ISO 8601 with an offset.", "时间格式不正确，请按 2019-12-01 09:00 的格式填写北京时间。");
    public static Refusal ChoiceUnknown(Content.Types.TextField field) => new($"{Kebab(field.Name)}-unknown",
        $"{field.Name} must be one of {string.Join(", ", field.Choices?.Select(c => c.Code) ?? [])}.", field.NotAChoice + "。");

    public static Refusal EndBeforeStart() => new("end-before-start", "The end is before the start.", "结束时间早于开始时间。");
    public static Refusal CoverAddress() => new("cover-address", "cover is a media address such as /media/12: upload the picture to the media library and choose it.", "封面须从媒体库选择：请先上传图片，再选作封面。");
    public static Refusal MediaMissing(IEnumerable<string> addresses) => new("media-missing", $"There is no media {string.Join(", ", addresses)} in the library.", $"媒体库中没有 {string.Join("、", addresses)}。");
    public static Refusal VideoCover() => new("video-cover", "The cover of a video item is the video itself, or an image.", "视频内容的封面须是视频本身或一张图片。");
    public static Refusal ImageCover() => new("image-cover", "The cover must be an image.", "封面须是图片。");

    private static string Kebab(string name) => string.Concat(name.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));

    // Filters of the staff lists (the management API's and the admin's content list).
    public static Refusal StateUnknown() => new("state-unknown", "state must be draft, submitted, approved, published or archived.", "请选择列表中的状态。");

    public static Refusal PageOutOfRange(int maxPageSize) => new("page-out-of-range",
        $"page must be ≥ 1 and pageSize from 1 to {maxPageSize}.", $"页码须从 1 开始，每页 1 至 {maxPageSize} 条。");
}
