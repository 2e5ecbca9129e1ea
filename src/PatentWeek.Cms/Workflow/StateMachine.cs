namespace PatentWeek.Cms.Workflow;

/// <summary>
/// A table of workflow steps: from which state a step leads to which, under which condition, and the refusal
/// when it may not be taken. It holds no data and touches nothing, so a lifecycle is declared as a table and
/// tested without a database; content declares its own (<see cref="ContentLifecycle"/>), and a city's plan or
/// report will declare theirs with their own states, steps and deadlines (the context carries the clock).
/// </summary>
/// <typeparam name="TContext">What a condition reads besides the state (the time, who takes the step).</typeparam>
public sealed class StateMachine<TState, TStep, TContext>
    where TState : struct, Enum
    where TStep : struct, Enum
{
    private readonly Dictionary<(TState From, TStep Step), Transition<TState, TStep, TContext>> _transitions;
    private readonly Dictionary<TStep, Func<TState, Refusal>> _refusals;

    internal StateMachine(Dictionary<(TState, TStep), Transition<TState, TStep, TContext>> transitions, Dictionary<TStep, Func<TState, Refusal>> refusals)
    {
        _transitions = transitions;
        _refusals = refusals;
    }

    /// <summary>Every transition of the table, for documentation and tests.</summary>
    public IEnumerable<(TState From, TStep Step, TState To)> Table => _transitions.Values.Select(t => (t.From, t.Step, t.To));

    /// <summary>The steps that can happen next from <paramref name="state"/>, in the order of the step enum.</summary>
    public IReadOnlyList<TStep> Next(TState state, TContext context) =>
        [.. Enum.GetValues<TStep>().Where(step => Decide(state, step, context).Allowed)];

    /// <summary>Whether the state has the step at all, whatever its condition says.</summary>
    public bool Has(TState state, TStep step) => _transitions.ContainsKey((state, step));

    /// <summary>Where the step leads from the state, or why it may not be taken.</summary>
    public StepMove<TState> Decide(TState state, TStep step, TContext context)
    {
        if (!_transitions.TryGetValue((state, step), out var transition))
            return new StepMove<TState>(state, Refuse(state, step));
        if (transition.When is { } when && !when(context))
            return new StepMove<TState>(state, transition.Otherwise!(state));
        return new StepMove<TState>(transition.To, null);
    }

    /// <summary>The state the step leads to; a step the state does not allow is refused (409) with its refusal.</summary>
    public TState Fire(TState state, TStep step, TContext context)
    {
        var move = Decide(state, step, context);
        return move.Refusal is { } refusal ? throw WorkflowException.Illegal(refusal) : move.To;
    }

    /// <summary>Refuses (409) a step the state has no transition for; its condition is left for later.</summary>
    public void EnsureHas(TState state, TStep step)
    {
        if (!Has(state, step))
            throw WorkflowException.Illegal(Refuse(state, step));
    }

    private Refusal Refuse(TState state, TStep step) =>
        _refusals.TryGetValue(step, out var refusal) ? refusal(state) : throw new InvalidOperationException($"The step {step} has no refusal.");
}

/// <summary>The outcome of a step: the state it leads to, or the refusal (and the state unchanged).</summary>
public readonly record struct StepMove<TState>(TState To, Refusal? Refusal)
{
    public bool Allowed => Refusal is null;
}

internal sealed record Transition<TState, TStep, TContext>(TState From, TStep Step, TState To, Func<TContext, bool>? When, Func<TState, Refusal>? Otherwise);

/// <summary>Declares a <see cref="StateMachine{TState, TStep, TContext}"/>'s table; a state has at most one transition per step, so the machine is deterministic.</summary>
public sealed class StateMachineBuilder<TState, TStep, TContext>
    where TState : struct, Enum
    where TStep : struct, Enum
{
    private readonly Dictionary<(TState, TStep), Transition<TState, TStep, TContext>> _transitions = [];
    private readonly Dictionary<TStep, Func<TState, Refusal>> _refusals = [];

    /// <summary>Declares a step and its refusal from a state it has no transition from.</summary>
    public StateMachineBuilder<TState, TStep, TContext> Step(TStep step, Func<TState, Refusal> refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        _refusals.Add(step, refusal);
        return this;
    }

    public StateMachineBuilder<TState, TStep, TContext> Permit(TStep step, TState from, TState to) => Add(new(from, step, to, null, null));

    /// <summary>A transition taken only when <paramref name="when"/> holds, refused with <paramref name="otherwise"/> when not.</summary>
    public StateMachineBuilder<TState, TStep, TContext> PermitIf(TStep step, TState from, TState to, Func<TContext, bool> when, Func<TState, Refusal> otherwise)
    {
        ArgumentNullException.ThrowIfNull(when);
        ArgumentNullException.ThrowIfNull(otherwise);
        return Add(new(from, step, to, when, otherwise));
    }

    public StateMachine<TState, TStep, TContext> Build()
    {
        var undeclared = _transitions.Keys.Select(k => k.Item2).Where(s => !_refusals.ContainsKey(s)).Distinct().ToList();
        if (undeclared.Count > 0)
            throw new InvalidOperationException($"Steps without a refusal: {string.Join(", ", undeclared)}.");
        return new StateMachine<TState, TStep, TContext>(new(_transitions), new(_refusals));
    }

    private StateMachineBuilder<TState, TStep, TContext> Add(Transition<TState, TStep, TContext> transition)
    {
        if (!_transitions.TryAdd((transition.From, transition.Step), transition))
            throw new InvalidOperationException($"{transition.From} already has a transition for {transition.Step}.");
        return this;
    }
}
