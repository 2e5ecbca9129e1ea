

namespace PatentWeek.Cms.Workflow;

/// <summary>Turns refused workflow steps and field errors into problem+json answers.</summary>
internal sealed class WorkflowExceptionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (WorkflowException e)
        {
            // The catalogue's stable code lets a client tell refusals apart without reading the sentence.
            var extensions = new Dictionary<string, object?>(e.Extensions);
            if (e.Refusal is { } refusal)
                extensions["code"] = refusal.Code;
            return TypedResults.Problem(e.Message, statusCode: e.Status, title: Title(e.Status), extensions: extensions);
        }
        catch (RequestValidationException e)
        {
            return TypedResults.ValidationProblem(e.Errors, title: "The request is not valid.", extensions: e.CodeExtensions());
        }
    }

    private static string Title(int status) => status switch
    {
        StatusCodes.Status403Forbidden => "Forbidden",
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status422UnprocessableEntity => "Cannot proceed",
        _ => "Conflict",
    };
}
