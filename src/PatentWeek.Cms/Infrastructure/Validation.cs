using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>
/// Data-annotation checks of a request record, as a 400 that names each field; every string member (and every string
/// in a list member) is also held to <see cref="ControlCharacters"/>, so a new request field is covered without
/// anyone remembering to.
/// </summary>
public static class Validation
{
    public static ValidationProblem? Check(object request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true);
        results.AddRange(ControlCharacterResults(request));
        if (results.Count == 0)
            return null;
        var errors = results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: JsonName(m), r.ErrorMessage ?? "is not valid")))
            .GroupBy(e => e.Member)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Item2).ToArray());
        return TypedResults.ValidationProblem(errors, title: "The request is not valid.");
    }

    private static IEnumerable<ValidationResult> ControlCharacterResults(object request)
    {
        foreach (var property in request.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
                continue;
            var texts = property.GetValue(request) switch
            {
                string s => [s],
                IEnumerable<string?> list => list,
                IEnumerable => [],
                _ => [],
            };
            foreach (var text in texts)
            {
                var index = ControlCharacters.Find(text);
                if (index >= 0)
                {
                    yield return new ValidationResult($"The field {JsonName(property.Name)} {ControlCharacters.English(text!, index)}", [property.Name]);
                    break;
                }
            }
        }
    }

    private static string JsonName(string member) => member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member[1..];
}
