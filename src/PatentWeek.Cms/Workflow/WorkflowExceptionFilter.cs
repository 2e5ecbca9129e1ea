namespace PatentWeek.Cms.Workflow;

/// <summary>
/// The one place a refusal (<see cref="RefusedException"/>: a workflow step, a request's fields, an upload) becomes
/// problem+json, on every API group that throws one: the content and media management APIs (the WeChat API answers
/// its cross-post refusals as typed results of its own).
/// </summary>
internal sealed class WorkflowExceptionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (RefusedException e)
        {
            // A body refused as too large is still arriving: close the connection after the answer, or the server
            // reads (drains) the rest of it, up to the largest upload allowed, before it can use the connection again.
            // The same for an upload stopped by a full disk.
            if (e.Status is StatusCodes.Status413PayloadTooLarge or StatusCodes.Status507InsufficientStorage)
                context.HttpContext.Response.Headers.Connection = "close";
            return Problem(e, context.HttpContext.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>
    /// The answer to a refusal. The admin pages' own endpoints (the media upload) answer in the admin's language;
    /// the APIs keep English, with the catalogue's stable codes.
    /// </summary>
    private static IResult Problem(RefusedException e, bool admin)
    {
        var extensions = new Dictionary<string, object?>(e.ProblemExtensions);
        if (e is not RequestValidationException invalid)
            return TypedResults.Problem(admin ? e.Text : e.Message, statusCode: e.Status, title: e.Title, extensions: extensions);
        if (!admin && e.Status != StatusCodes.Status400BadRequest)
        {
            var problem = new HttpValidationProblemDetails(invalid.Errors) { Status = e.Status, Title = e.Title, Detail = "Fields this step needs are missing or not valid: " + string.Join(", ", invalid.Errors.Keys) + "." };
            foreach (var (key, value) in extensions)
                problem.Extensions[key] = value;
            return TypedResults.Problem(problem);
        }

        if (!admin)
            return TypedResults.ValidationProblem(invalid.Errors, "Fields not valid: " + string.Join(", ", invalid.Errors.Keys) + ".", title: e.Title, extensions: extensions);
        // The admin's upload shows the detail next to the file field, in Chinese.
        var texts = invalid.Errors.Keys.ToDictionary(f => f, f => new[] { invalid.TextOf(f) });
        return TypedResults.ValidationProblem(texts, string.Join(" ", texts.Values.SelectMany(t => t)), title: "Bad upload", extensions: extensions);
    }
}
