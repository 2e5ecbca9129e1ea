using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>
/// A request the framework cannot bind (malformed JSON, a wrong type, a missing or <c>null</c> body, a body over its
/// limit) is the caller's mistake: a 400 (or 413) problem naming the field or position, logged as a warning. The
/// framework throws <see cref="BadHttpRequestException"/> for all of them once <c>ThrowOnBadRequest</c> is on; without
/// this handler the exception page turned that into a 500 in Development and an empty 400 elsewhere.
/// </summary>
public static partial class BadRequests
{
    public static IServiceCollection AddCmsBadRequests(this IServiceCollection services)
    {
        // The same answer in every environment, with the reason, instead of an empty 400 in Production.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.TypeInfoResolver =
            (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(PlainTextJson.Modifier));
        return services;
    }

    /// <summary>Runs inside the exception handler, so these never reach it (nor its error log).</summary>
    public static IApplicationBuilder UseCmsBadRequests(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException e) when (!context.Response.HasStarted)
            {
                var json = Inner<JsonException>(e);
                LogRefused(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BadRequests)),
                    context.Request.Method, context.Request.Path, e.StatusCode, json?.Message ?? e.Message);
                context.Response.Clear();
                await WriteAsync(context, e, json);
            }
        });

    private static async Task WriteAsync(HttpContext context, BadHttpRequestException e, JsonException? json)
    {
        var status = e.StatusCode;
        if (status == StatusCodes.Status413PayloadTooLarge)
        {
            await Problems.WriteAsync(context, status, "Too large", e.Message);
            return;
        }

        if (json is null)
        {
            // The framework's words for a missing or null body speak of its own inference; say what to send.
            await Problems.WriteAsync(context, status, "Bad request", IsMissingBody(context, e) ? "This endpoint needs a JSON object as its body; none (or null) was sent." : e.Message);
            return;
        }

        var field = json is FieldJsonException named ? named.Field : FieldOf(json.Path);
        var where = json.LineNumber is { } line ? $" (line {line + 1}, byte {json.BytePositionInLine + 1})" : "";
        var message = Describe(json) + where;
        context.Response.StatusCode = status;
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = status,
                Title = "The request body is not valid JSON for this endpoint.",
                Detail = field.Length == 0 ? message : $"{field}: {message}",
            },
        });
    }

    /// <summary>
    /// Decided by where the refusal comes from, not by the framework's (English, version-bound) wording: a bare 400
    /// (no JSON error inside) from an endpoint that takes a required JSON body can only be that body's, because our
    /// JSON endpoints take everything else from constrained route values (a mismatch there is a 404, never a bind
    /// error) or from services. A malformed body carries a <see cref="JsonException"/> and is answered field by field.
    /// </summary>
    private static bool IsMissingBody(HttpContext context, BadHttpRequestException e) =>
        e.StatusCode == StatusCodes.Status400BadRequest && e.InnerException is null
        && context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: not null, IsOptional: false } accepts
        && accepts.ContentTypes.Any(t => t.Contains("json", StringComparison.OrdinalIgnoreCase));

    /// <summary>The first request field named by a JSON path: <c>$.tags[0]</c> → <c>tags</c>; the whole body → "".</summary>
    public static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
            return "";
        var rest = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        var end = rest.IndexOfAny(['.', '[']);
        var name = end < 0 ? rest : rest[..end];
        return name.Trim('\'', '"');
    }

    /// <summary>The converter's own words when it gave any; STJ's otherwise, without its repeated path suffix.</summary>
    private static string Describe(JsonException json)
    {
        var text = json.Message;
        var cut = text.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? text[..cut] : text;
    }

    private static T? Inner<T>(Exception e)
        where T : Exception
    {
        for (var current = e.InnerException; current is not null; current = current.InnerException)
        {
            if (current is T found)
                return found;
        }

        return null;
    }

    [LoggerMessage(LogLevel.Warning, "Refused {Method} {Path} with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string path, int status, string reason);
}
