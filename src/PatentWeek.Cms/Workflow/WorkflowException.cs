namespace PatentWeek.Cms.Workflow;

/// <summary>
/// A refused workflow step, carrying its HTTP status (403 not allowed, 404 not found, 409 illegal
/// transition or stale version, 422 blocked words). One of the <see cref="RefusedException"/> family.
/// </summary>
public sealed class WorkflowException : RefusedException
{
    public WorkflowException(int status, string detail, IDictionary<string, object?>? extensions = null)
        : base(detail)
    {
        Status = status;
        Extensions = extensions ?? new Dictionary<string, object?>();
    }

    public WorkflowException()
        : this(StatusCodes.Status409Conflict, "The step is not allowed.")
    {
    }

    public WorkflowException(string message)
        : this(StatusCodes.Status409Conflict, message)
    {
    }

    public WorkflowException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = StatusCodes.Status409Conflict;
        Extensions = new Dictionary<string, object?>();
    }

    public WorkflowException(int status, Refusal refusal, IDictionary<string, object?>? extensions = null)
        : this(status, (refusal ?? throw new ArgumentNullException(nameof(refusal))).Detail, extensions) => Refusal = refusal;

    public override int Status { get; }
    public IDictionary<string, object?> Extensions { get; }

    /// <summary>The refusal from the catalog (code, English detail, Chinese text); null for one thrown with a sentence only.</summary>
    public Refusal? Refusal { get; }

    /// <summary>What the admin UI shows: the refusal's Chinese, or Chinese for the status when it has none.</summary>
    public override string Text => Refusal?.Text ?? RefusalFallback.Text(Status);

    /// <summary>The extensions given where it was thrown, and the catalogue's stable code, which lets a client tell refusals apart without reading the sentence.</summary>
    public override IReadOnlyDictionary<string, object?> ProblemExtensions
    {
        get
        {
            var extensions = new Dictionary<string, object?>(Extensions);
            if (Refusal is { } refusal)
                extensions["code"] = refusal.Code;
            return extensions;
        }
    }

    public static WorkflowException Forbidden(string detail) => new(StatusCodes.Status403Forbidden, detail);

    public static WorkflowException Forbidden(Refusal refusal) => new(StatusCodes.Status403Forbidden, refusal);

    public static WorkflowException NotFound() => new(StatusCodes.Status404NotFound, Refusals.NotFound());

    public static WorkflowException Illegal(string detail) => new(StatusCodes.Status409Conflict, detail);

    public static WorkflowException Illegal(Refusal refusal) => new(StatusCodes.Status409Conflict, refusal);
}
