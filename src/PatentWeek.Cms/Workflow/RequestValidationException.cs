

namespace PatentWeek.Cms.Workflow;

/// <summary>
/// Field errors found while mapping a request; answered as a 400 validation problem (English messages, and the
/// refusals' codes under <c>codes</c>), shown in the admin UI as Chinese next to each field.
/// </summary>
public sealed class RequestValidationException : RefusedException
{
    public RequestValidationException(Dictionary<string, string[]> errors, IReadOnlyDictionary<string, Refusal>? refusals = null)
        : base("The request is not valid.")
    {
        Errors = errors;
        Refusals = refusals ?? new Dictionary<string, Refusal>();
    }

    public RequestValidationException()
        : this([])
    {
    }

    public RequestValidationException(string message)
        : base(message) => Errors = [];

    public RequestValidationException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    public Dictionary<string, string[]> Errors { get; }

    private int _status = StatusCodes.Status400BadRequest;

    /// <summary>400 for fields that are wrong; 422 for fields a step still lacks (<see cref="Incomplete"/>).</summary>
    public override int Status => _status;

    /// <summary>Each field's Chinese, one after the other (the admin shows each next to its field instead).</summary>
    public override string Text => string.Join(" ", Errors.Keys.Select(TextOf));

    public override IReadOnlyDictionary<string, object?> ProblemExtensions => CodeExtensions();

    /// <summary>The catalogued refusal of each field that has one.</summary>
    public IReadOnlyDictionary<string, Refusal> Refusals { get; } = new Dictionary<string, Refusal>();

    /// <summary>The Chinese an editor reads next to the field.</summary>
    public string TextOf(string field) => Refusals.TryGetValue(field, out var refusal) ? refusal.Text : RefusalFallback.FieldText(field);

    /// <summary>The codes by field, for the API answer.</summary>
    public Dictionary<string, object?> CodeExtensions() => Refusals.Count == 0
        ? []
        : new Dictionary<string, object?> { ["codes"] = Refusals.ToDictionary(r => r.Key, r => r.Value.Code) };

    public static RequestValidationException Field(string name, string message) => new(new Dictionary<string, string[]> { [name] = [message] });

    public static RequestValidationException Field(string name, Refusal refusal) =>
        new(new Dictionary<string, string[]> { [name] = [refusal.Detail] }, new Dictionary<string, Refusal> { [name] = refusal });

    /// <summary>
    /// A step refused because fields it needs are not filled in yet (a plan submitted without its stamped scan): 422, each
    /// field named, so the form that was saved stays as it is.
    /// </summary>
    public static RequestValidationException Incomplete(Dictionary<string, Refusal> refusals)
    {
        var refused = From([], refusals);
        refused._status = StatusCodes.Status422UnprocessableEntity;
        return refused;
    }

    /// <summary>Field refusals collected while checking a request, with any English-only errors from attributes.</summary>
    public static RequestValidationException From(Dictionary<string, string[]> errors, Dictionary<string, Refusal> refusals)
    {
        foreach (var (field, refusal) in refusals)
            errors[field] = [refusal.Detail];
        return new(errors, refusals);
    }
}
