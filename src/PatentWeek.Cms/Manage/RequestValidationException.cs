namespace PatentWeek.Cms.Manage;

/// <summary>Field errors found while mapping a request; answered as a 400 validation problem.</summary>
public sealed class RequestValidationException : Exception
{
    public RequestValidationException(Dictionary<string, string[]> errors)
        : base("The request is not valid.") => Errors = errors;

    public RequestValidationException()
        : this([])
    {
    }

    public RequestValidationException(string message)
        : base(message) => Errors = [];

    public RequestValidationException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    public Dictionary<string, string[]> Errors { get; }

    public static RequestValidationException Field(string name, string message) => new(new Dictionary<string, string[]> { [name] = [message] });
}
