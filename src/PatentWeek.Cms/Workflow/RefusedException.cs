namespace PatentWeek.Cms.Workflow;

/// <summary>
/// The one family of domain refusals (a workflow step, a request's fields, an upload): each carries its HTTP status,
/// English for the APIs (<see cref="Exception.Message"/>) and Chinese for the admin (<see cref="Text"/>).
/// <see cref="WorkflowExceptionFilter"/> turns any of them into problem+json, and <c>AdminPage.StepAsync</c> into
/// messages next to the fields, so neither knows the individual types beyond a validation's fields.
/// </summary>
public abstract class RefusedException : Exception
{
    protected RefusedException(string message)
        : base(message)
    {
    }

    protected RefusedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status the APIs answer.</summary>
    public abstract int Status { get; }

    /// <summary>What the admin UI shows, in Chinese.</summary>
    public abstract string Text { get; }

    /// <summary>The problem's title: the same words for the same status, whichever part refused.</summary>
    public virtual string Title => Status switch
    {
        StatusCodes.Status400BadRequest => "The request is not valid.",
        StatusCodes.Status403Forbidden => "Forbidden",
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status413PayloadTooLarge => "Too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported file type",
        StatusCodes.Status422UnprocessableEntity => "Cannot proceed",
        StatusCodes.Status507InsufficientStorage => "Insufficient storage",
        _ => "Conflict",
    };

    /// <summary>Members added to the problem (the stable <c>code</c>, a conflict's <c>current</c> version, blocked words' <c>hits</c>).</summary>
    public virtual IReadOnlyDictionary<string, object?> ProblemExtensions => new Dictionary<string, object?>();
}
