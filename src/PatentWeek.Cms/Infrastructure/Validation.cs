using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>
/// Data-annotation checks of a request record, as a 400 that names each field. Control characters are not checked
/// here: JSON bodies meet <see cref="PlainTextJson"/> while being read, and the services that write text enforce
/// <see cref="ControlCharacters"/> themselves.
/// </summary>
public static class Validation
{
    public static ValidationProblem? Check(object request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true);
        if (results.Count == 0)
            return null;
        var errors = results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: JsonName(m), r.ErrorMessage ?? "is not valid")))
            .GroupBy(e => e.Member)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Item2).ToArray());
        return TypedResults.ValidationProblem(errors, title: "The request is not valid.");
    }

    private static string JsonName(string member) => member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member[1..];
}
