using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>
/// An optional body may be left out, but a body of <c>null</c> is no request at all: the framework binds it as "no
/// body", so <c>POST …/publish</c> with <c>null</c> published at once instead of refusing. The bound value decides,
/// after the framework has read the body however it came (declared length, chunked, padded with whitespace): a body
/// was sent, yet no request object came of it.
/// </summary>
public static class NullBodies
{
    public const string Detail = "The body is the JSON literal null; send an object, or no body at all.";

    /// <summary>On a group: looks only at its endpoints whose JSON body is optional.</summary>
    public static TBuilder RefuseNullBodies<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { IsOptional: true, RequestType: { } type }
                && http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true
                && !context.Arguments.Any(type.IsInstanceOfType))
                return TypedResults.Problem(Detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
            return await next(context);
        });
}
