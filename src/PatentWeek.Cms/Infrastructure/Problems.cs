using Microsoft.AspNetCore.Http.HttpResults;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>problem+json answers with a human sentence in <c>detail</c>.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
