namespace PatentWeek.Cms.Workflow;

/// <summary>
/// A refused workflow step, carrying its HTTP status (403 not allowed, 404 not found, 409 illegal
/// transition or stale version, 422 blocked words). The management API turns it into problem+json.
/// </summary>
public sealed class WorkflowException : Exception
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

    public int Status { get; }
    public IDictionary<string, object?> Extensions { get; }

    public static WorkflowException Forbidden(string detail) => new(StatusCodes.Status403Forbidden, detail);

    public static WorkflowException NotFound() => new(StatusCodes.Status404NotFound, "There is no such item.");

    public static WorkflowException Illegal(string detail) => new(StatusCodes.Status409Conflict, detail);
}
