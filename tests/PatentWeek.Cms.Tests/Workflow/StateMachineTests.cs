using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Tests.Workflow;

/// <summary>A plan's states, as the next issues will have them (here only to show the machine is not the content's).</summary>
public enum PlanState
{
    Draft,
    Submitted,
    Accepted,
    Returned,
}

public enum PlanStep
{
    Submit,
    Accept,
    Return,
}

/// <summary>
/// The machine is not the content's: a city's activity plan (the next issues) declares its own states, steps and
/// deadline as a table, and gets "what can happen next" and its refusals without a line of workflow code.
/// </summary>
public sealed class StateMachineTests
{
    private sealed record PlanContext(DateTime Now, DateTime Deadline);

    private static readonly DateTime Deadline = new(2019, 11, 20, 16, 0, 0, DateTimeKind.Utc);

    private static readonly Refusal LateRefusal = new("plan-deadline-passed", "The deadline for plans has passed.", "计划报送已截止。");

    private static readonly StateMachine<PlanState, PlanStep, PlanContext> Plans = new StateMachineBuilder<PlanState, PlanStep, PlanContext>()
        .Step(PlanStep.Submit, s => new Refusal("plan-submit-drafts-only", $"Only drafts and returned plans are submitted; this one is {s}.", "只有草稿或退回的计划可以提交。"))
        .PermitIf(PlanStep.Submit, PlanState.Draft, PlanState.Submitted, c => c.Now <= c.Deadline, _ => LateRefusal)
        .PermitIf(PlanStep.Submit, PlanState.Returned, PlanState.Submitted, c => c.Now <= c.Deadline, _ => LateRefusal)
        .Step(PlanStep.Accept, _ => new Refusal("plan-accept-submitted-only", "Only submitted plans are accepted.", "只有已提交的计划可以接收。"))
        .Permit(PlanStep.Accept, PlanState.Submitted, PlanState.Accepted)
        .Step(PlanStep.Return, _ => new Refusal("plan-return-submitted-only", "Only submitted plans are returned.", "只有已提交的计划可以退回。"))
        .Permit(PlanStep.Return, PlanState.Submitted, PlanState.Returned)
        .Build();

    [Theory]
    [InlineData(PlanState.Draft, new[] { PlanStep.Submit })]
    [InlineData(PlanState.Submitted, new[] { PlanStep.Accept, PlanStep.Return })]
    [InlineData(PlanState.Returned, new[] { PlanStep.Submit })]
    [InlineData(PlanState.Accepted, new PlanStep[0])]
    public void A_plan_says_what_can_happen_next(PlanState state, PlanStep[] next) =>
        Assert.Equal(next, Plans.Next(state, new PlanContext(Deadline.AddDays(-1), Deadline)));

    [Fact]
    public void A_plan_goes_draft_submitted_returned_submitted_accepted()
    {
        var before = new PlanContext(Deadline.AddHours(-1), Deadline);
        var state = Plans.Fire(PlanState.Draft, PlanStep.Submit, before);
        state = Plans.Fire(state, PlanStep.Return, before);
        state = Plans.Fire(state, PlanStep.Submit, before);
        Assert.Equal(PlanState.Accepted, Plans.Fire(state, PlanStep.Accept, before));
    }

    [Fact]
    public void After_the_deadline_a_plan_is_refused_with_the_deadline_and_a_wrong_step_with_its_own_refusal()
    {
        var late = new PlanContext(Deadline.AddSeconds(1), Deadline);
        Assert.Empty(Plans.Next(PlanState.Draft, late));
        Assert.True(Plans.Has(PlanState.Draft, PlanStep.Submit));
        var refused = Assert.Throws<WorkflowException>(() => Plans.Fire(PlanState.Draft, PlanStep.Submit, late));
        Assert.Equal((409, "plan-deadline-passed", "计划报送已截止。"), (refused.Status, refused.Refusal?.Code, refused.Text));

        var wrong = Plans.Decide(PlanState.Accepted, PlanStep.Submit, late);
        Assert.Equal((PlanState.Accepted, "plan-submit-drafts-only"), (wrong.To, wrong.Refusal?.Code));
        Assert.Contains("Accepted", wrong.Refusal!.Detail, StringComparison.Ordinal);
        Assert.Throws<WorkflowException>(() => Plans.EnsureHas(PlanState.Accepted, PlanStep.Accept));
    }

    [Fact]
    public void A_table_with_two_ways_out_of_a_state_for_one_step_or_a_step_without_refusal_is_refused_at_start()
    {
        var twice = new StateMachineBuilder<PlanState, PlanStep, PlanContext>()
            .Step(PlanStep.Accept, _ => LateRefusal)
            .Permit(PlanStep.Accept, PlanState.Submitted, PlanState.Accepted);
        Assert.Throws<InvalidOperationException>(() => twice.Permit(PlanStep.Accept, PlanState.Submitted, PlanState.Returned));

        var undeclared = new StateMachineBuilder<PlanState, PlanStep, PlanContext>().Permit(PlanStep.Return, PlanState.Submitted, PlanState.Returned);
        Assert.Throws<InvalidOperationException>(undeclared.Build);
    }
}
