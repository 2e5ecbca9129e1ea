using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>
/// The statuses the pipeline answers before or around a handler, declared from the same endpoint metadata the
/// middleware decides by: 401 and 403 where authorization applies, 400 for a body or query value that does not bind
/// (<see cref="BadRequests"/>), 413 past a JSON body's limit (<see cref="BodyLimits"/>), 415 for a body of the wrong
/// type (<see cref="UnsupportedMediaTypes"/>), 429 where a rate limit applies. What a handler answers itself (404,
/// 409, 422, its own 400s) is declared on its endpoint with <c>ProducesProblem</c>; together the document lists every
/// status an endpoint really answers.
/// </summary>
public static class OpenApiResponses
{
    public static OpenApiOptions AddPipelineResponses(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddOperationTransformer((operation, context, _) =>
        {
            var description = context.Description;
            var metadata = description.ActionDescriptor.EndpointMetadata;
            var accepts = metadata.OfType<IAcceptsMetadata>().LastOrDefault();
            var multipart = accepts?.ContentTypes.Any(t => t.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)) == true;
            var jsonBody = accepts is { ContentTypes.Count: > 0 } && !multipart;
            var method = description.HttpMethod ?? "";
            var path = "/" + description.RelativePath;

            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
            {
                Add(operation, context.Document, StatusCodes.Status401Unauthorized, "ProblemDetails");
                Add(operation, context.Document, StatusCodes.Status403Forbidden, "ProblemDetails");
            }

            var boundQuery = description.ParameterDescriptions.Any(p =>
                p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Query && p.Type is { } type && type != typeof(string));
            if (jsonBody || boundQuery)
                Add(operation, context.Document, StatusCodes.Status400BadRequest, jsonBody ? "HttpValidationProblemDetails" : "ProblemDetails");
            if (path.StartsWith("/api", StringComparison.Ordinal) && !multipart
                && (HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method)))
                Add(operation, context.Document, StatusCodes.Status413PayloadTooLarge, "ProblemDetails");
            if (accepts is { ContentTypes.Count: > 0 })
                Add(operation, context.Document, StatusCodes.Status415UnsupportedMediaType, "ProblemDetails");
            if (metadata.OfType<EnableRateLimitingAttribute>().Any())
                Add(operation, context.Document, StatusCodes.Status429TooManyRequests, "ProblemDetails");
            return Task.CompletedTask;
        });
        return options;
    }

    /// <summary>A problem+json response, unless the endpoint declares the status itself.</summary>
    private static void Add(OpenApiOperation operation, OpenApiDocument? document, int status, string schema)
    {
        operation.Responses ??= [];
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.ContainsKey(key))
            return;
        operation.Responses[key] = new OpenApiResponse
        {
            Description = ReasonPhrases.GetReasonPhrase(status),
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, document) },
            },
        };
    }
}
