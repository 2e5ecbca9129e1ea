using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Tests.Workflow;

/// <summary>The content's lifecycle table without a database: every state × step, the working copy, schedules and the trash.</summary>
public sealed class ContentLifecycleTests
{
    private static readonly DateTime Now = new(2019, 11, 30, 2, 0, 0, DateTimeKind.Utc);

    public static TheoryData<ContentState, ContentStep, ContentState?, string?> EveryStateAndStep => new()
    {
        // From a draft: only submitting (publishing needs approval, unless the author publishes it, below).
        { ContentState.Draft, ContentStep.Submit, ContentState.Submitted, null },
        { ContentState.Draft, ContentStep.Approve, null, "approve-submitted-only" },
        { ContentState.Draft, ContentStep.Reject, null, "reject-submitted-only" },
        { ContentState.Draft, ContentStep.Publish, null, "publish-needs-approval" },
        { ContentState.Draft, ContentStep.SchedulePublish, null, "publish-needs-approval" },
        { ContentState.Draft, ContentStep.Unpublish, null, "unpublish-published-only" },
        { ContentState.Draft, ContentStep.ScheduleUnpublish, null, "schedule-unpublish-published-only" },
        { ContentState.Submitted, ContentStep.Submit, null, "submit-drafts-only" },
        { ContentState.Submitted, ContentStep.Approve, ContentState.Approved, null },
        { ContentState.Submitted, ContentStep.Reject, ContentState.Draft, null },
        { ContentState.Submitted, ContentStep.Publish, null, "publish-needs-approval" },
        { ContentState.Submitted, ContentStep.SchedulePublish, null, "publish-needs-approval" },
        { ContentState.Submitted, ContentStep.Unpublish, null, "unpublish-published-only" },
        { ContentState.Submitted, ContentStep.ScheduleUnpublish, null, "schedule-unpublish-published-only" },
        { ContentState.Approved, ContentStep.Submit, null, "submit-drafts-only" },
        { ContentState.Approved, ContentStep.Approve, null, "approve-submitted-only" },
        { ContentState.Approved, ContentStep.Reject, null, "reject-submitted-only" },
        { ContentState.Approved, ContentStep.Publish, ContentState.Published, null },
        { ContentState.Approved, ContentStep.SchedulePublish, ContentState.Approved, null },
        { ContentState.Approved, ContentStep.Unpublish, null, "unpublish-published-only" },
        { ContentState.Approved, ContentStep.ScheduleUnpublish, null, "schedule-unpublish-published-only" },
        { ContentState.Published, ContentStep.Submit, null, "submit-drafts-only" },
        { ContentState.Published, ContentStep.Approve, null, "approve-submitted-only" },
        { ContentState.Published, ContentStep.Reject, null, "reject-submitted-only" },
        { ContentState.Published, ContentStep.Publish, null, "nothing-to-publish" },
        { ContentState.Published, ContentStep.SchedulePublish, null, "nothing-to-publish" },
        { ContentState.Published, ContentStep.Unpublish, ContentState.Archived, null },
        { ContentState.Published, ContentStep.ScheduleUnpublish, ContentState.Published, null },
        { ContentState.Archived, ContentStep.Submit, null, "submit-drafts-only" },
        { ContentState.Archived, ContentStep.Approve, null, "approve-submitted-only" },
        { ContentState.Archived, ContentStep.Reject, null, "reject-submitted-only" },
        { ContentState.Archived, ContentStep.Publish, ContentState.Published, null },
        { ContentState.Archived, ContentStep.SchedulePublish, ContentState.Archived, null },
        { ContentState.Archived, ContentStep.Unpublish, null, "unpublish-published-only" },
        { ContentState.Archived, ContentStep.ScheduleUnpublish, null, "schedule-unpublish-published-only" },
    };

    [Theory]
    [MemberData(nameof(EveryStateAndStep))]
    public void Every_state_and_step_leads_somewhere_or_is_refused_with_its_code(ContentState state, ContentStep step, ContentState? to, string? code)
    {
        var move = ContentLifecycle.Editorial.Decide(state, step, new ContentContext(Now: Now));
        Assert.Equal(code, move.Refusal?.Code);
        Assert.Equal(to ?? state, move.To);
        if (code is null)
        {
            Assert.Equal(to, ContentLifecycle.Editorial.Fire(state, step, new ContentContext(Now: Now)));
            return;
        }

        var refused = Assert.Throws<WorkflowException>(() => ContentLifecycle.Editorial.Fire(state, step, new ContentContext(Now: Now)));
        Assert.Equal(409, refused.Status);
        Assert.Equal(code, refused.Refusal?.Code);
        Assert.False(string.IsNullOrWhiteSpace(refused.Text));
    }

    [Fact]
    public void The_table_covers_every_state_and_step()
    {
        var states = Enum.GetValues<ContentState>().Length;
        var editorialSteps = Enum.GetValues<ContentStep>().Count(s => s is not ContentStep.Trash and not ContentStep.Restore);
        Assert.Equal(states * editorialSteps, EveryStateAndStep.Count);
    }

    [Fact]
    public void A_refusal_names_the_state_it_met_in_english_and_chinese()
    {
        var refusal = ContentLifecycle.Editorial.Decide(ContentState.Archived, ContentStep.Submit, default).Refusal!;
        Assert.Contains("archived", refusal.Detail, StringComparison.Ordinal);
        Assert.Contains("已撤下", refusal.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ContentState.Draft, ContentStep.Publish, ContentState.Published)]
    [InlineData(ContentState.Submitted, ContentStep.Publish, ContentState.Published)]
    [InlineData(ContentState.Draft, ContentStep.SchedulePublish, ContentState.Draft)]
    [InlineData(ContentState.Submitted, ContentStep.SchedulePublish, ContentState.Submitted)]
    public void An_author_publishes_their_own_draft_or_submission_directly(ContentState state, ContentStep step, ContentState to)
    {
        Assert.Equal(to, ContentLifecycle.Editorial.Fire(state, step, new ContentContext(ByAuthor: true)));
        Assert.Equal("nothing-to-publish", ContentLifecycle.Editorial.Decide(ContentState.Published, step, new ContentContext(ByAuthor: true)).Refusal?.Code);
    }

    [Theory]
    [InlineData(ContentState.Draft)]
    [InlineData(ContentState.Submitted)]
    [InlineData(ContentState.Approved)]
    [InlineData(ContentState.Archived)]
    public void An_item_scheduled_to_publish_can_be_scheduled_to_unpublish_and_stays_as_it_is(ContentState state)
    {
        Assert.Equal(state, ContentLifecycle.Editorial.Fire(state, ContentStep.ScheduleUnpublish, new ContentContext(PublishScheduled: true)));
        Assert.Equal("schedule-unpublish-published-only",
            ContentLifecycle.Editorial.Decide(state, ContentStep.ScheduleUnpublish, new ContentContext(PublishScheduled: false)).Refusal?.Code);
    }

    [Fact]
    public void A_schedule_is_refused_where_the_step_itself_would_be_and_allowed_where_it_would_pass()
    {
        var item = Item(ContentState.Approved);
        Assert.Equal("schedule-unpublish-published-only", ContentLifecycle.Refusal(item, ContentStep.ScheduleUnpublish, Context(item))?.Code);
        item.ScheduledPublishAt = Now.AddDays(1);
        var move = ContentLifecycle.Ensure(item, ContentStep.ScheduleUnpublish, Context(item));
        Assert.Equal(new ContentMove(ContentStep.ScheduleUnpublish, ContentState.Approved, false), move);
        Assert.Equal(new ContentMove(ContentStep.SchedulePublish, ContentState.Approved, false), ContentLifecycle.Ensure(item, ContentStep.SchedulePublish, Context(item)));
    }

    [Fact]
    public void The_working_copy_cycle_edits_a_copy_and_publishes_it_over_the_live_version()
    {
        var writer = new ContentWriter(new MarkdownRenderer(), TimeProvider.System);
        var item = writer.Create(Fields("上线的标题", ContentState.Published), Edition(), "editor@example.cn");
        item.CreatedById = "office";
        Assert.Equal([ContentStep.Unpublish, ContentStep.ScheduleUnpublish, ContentStep.Trash], ContentLifecycle.Next(item, Context(item, "office")));

        // Edit the published item: the edit goes to a working copy in draft, the live version stays.
        Assert.True(ContentLifecycle.EditsWorkingCopy(item));
        writer.SaveWorkingCopy(item, Fields("修改后的标题", ContentState.Published), "city@example.cn", "city-author");
        Assert.Equal(new EditedVersion(ContentState.Draft, true), EditedVersion.Of(item));
        Assert.Equal(ContentState.Draft, EditedVersion.EditingState(item));
        Assert.Equal("city-author", ContentLifecycle.AuthorOf(item));
        Assert.Equal(ContentState.Draft, ContentLifecycle.StateFor(item, ContentStep.Submit));
        Assert.Equal(ContentState.Published, ContentLifecycle.StateFor(item, ContentStep.Unpublish));
        Assert.Equal([ContentStep.Submit, ContentStep.Unpublish, ContentStep.ScheduleUnpublish, ContentStep.Trash], ContentLifecycle.Next(item, Context(item, "office")));
        Assert.Contains(ContentStep.Publish, ContentLifecycle.Next(item, Context(item, "city-author")));

        // Submit and approve move the copy, never the live item.
        var submit = ContentLifecycle.Ensure(item, ContentStep.Submit, Context(item));
        Assert.Equal(new ContentMove(ContentStep.Submit, ContentState.Submitted, true), submit);
        ContentLifecycle.Apply(item, submit);
        Assert.Equal((ContentState.Published, ContentState.Submitted), (item.State, item.WorkingCopyState));
        Assert.Equal("approve-submitted-only", ContentLifecycle.Refusal(Item(ContentState.Published), ContentStep.Approve, default)?.Code);
        ContentLifecycle.Apply(item, ContentLifecycle.Ensure(item, ContentStep.Approve, Context(item)));
        Assert.Equal((ContentState.Published, ContentState.Approved), (item.State, item.WorkingCopyState));
        Assert.Equal("上线的标题", item.Title);

        // Publishing the copy makes it the item; then there is nothing left to publish.
        var publish = ContentLifecycle.Ensure(item, ContentStep.Publish, Context(item, "office"));
        Assert.Equal(new ContentMove(ContentStep.Publish, ContentState.Published, true), publish);
        writer.Apply(item, WorkingCopy.Of(item)!.Fields with { State = publish.To }, "editor@example.cn");
        ContentLifecycle.DropCopy(item);
        Assert.Equal(("修改后的标题", ContentState.Published), (item.Title, item.State));
        Assert.Equal(new EditedVersion(ContentState.Published, false), EditedVersion.Of(item));
        Assert.Null(item.WorkingCopyById);
        var refused = Assert.Throws<WorkflowException>(() => ContentLifecycle.EnsureHas(item, ContentStep.Publish));
        Assert.Equal("nothing-to-publish", refused.Refusal?.Code);
    }

    [Fact]
    public void An_unpublished_item_is_edited_in_place()
    {
        foreach (var state in Enum.GetValues<ContentState>().Where(s => s != ContentState.Published))
            Assert.False(ContentLifecycle.EditsWorkingCopy(Item(state)));
    }

    [Fact]
    public void Publishing_needs_approval_unless_the_author_of_the_edited_version_publishes_it()
    {
        var item = Item(ContentState.Draft);
        item.CreatedById = "author";
        Assert.Contains(ContentStep.Publish, ContentLifecycle.Next(item, Context(item, "author")));
        Assert.DoesNotContain(ContentStep.Publish, ContentLifecycle.Next(item, Context(item, "someone-else")));
        Assert.DoesNotContain(ContentStep.Publish, ContentLifecycle.Next(item, Context(item, null)));
        Assert.Equal("publish-needs-approval", ContentLifecycle.Refusal(item, ContentStep.Publish, Context(item, "someone-else"))?.Code);
    }

    [Fact]
    public void A_trashed_item_can_be_restored_for_thirty_days_and_nothing_else()
    {
        var item = Item(ContentState.Published);
        Assert.Equal("not-in-trash", ContentLifecycle.Refusal(item, ContentStep.Restore, Context(item))?.Code);
        Assert.Contains(ContentStep.Trash, ContentLifecycle.Next(item, Context(item)));

        item.DeletedAt = Now - ContentLifecycle.TrashRetention;
        Assert.Equal([ContentStep.Restore], ContentLifecycle.Next(item, Context(item)));
        Assert.Equal("not-found", ContentLifecycle.Refusal(item, ContentStep.Trash, Context(item))?.Code);
        Assert.Equal("not-found", ContentLifecycle.Refusal(item, ContentStep.Unpublish, Context(item))?.Code);

        item.DeletedAt = Now - ContentLifecycle.TrashRetention - TimeSpan.FromSeconds(1);
        var expired = Assert.Throws<WorkflowException>(() => ContentLifecycle.Ensure(item, ContentStep.Restore, Context(item)));
        Assert.Equal((409, "trash-expired"), (expired.Status, expired.Refusal?.Code));
        Assert.Empty(ContentLifecycle.Next(item, Context(item)));
        Assert.Equal(TimeSpan.FromDays(30), WorkflowService.TrashRetention);
    }

    [Fact]
    public void The_trash_table_is_the_same_machine_with_its_own_states()
    {
        Assert.Equal([(TrashState.Live, ContentStep.Trash, TrashState.Trashed), (TrashState.Trashed, ContentStep.Restore, TrashState.Live)],
            ContentLifecycle.Trash.Table.OrderBy(t => t.Step).ToList());
    }

    private static ContentContext Context(ContentItem item, string? actorId = null) => ContentContext.For(item, actorId, Now);

    private static ContentItem Item(ContentState state) => new() { Slug = "item", Title = "标题", State = state, Edition = Edition() };

    private static Edition Edition() => new() { Number = 13, Slogan = "专利周", Theme = "default" };

    private static ContentFields Fields(string title, ContentState state) =>
        new() { Kind = ContentKind.News, Edition = 13, Title = title, Slug = "item", Body = "正文", State = state };
}
