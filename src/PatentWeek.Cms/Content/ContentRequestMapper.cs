using System.ComponentModel.DataAnnotations;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Content;

/// <summary>Turns a checked request into <see cref="ContentFields"/>, collecting every field error at once.</summary>
public static class ContentRequestMapper
{
    public static ContentFields ToFields(
        ContentWriteRequest request, ContentKind kind, int edition, ContentState state, string? currentSlug, IReadOnlySet<string> cityCodes, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(cityCodes);
        var errors = new Dictionary<string, string[]>();
        var refusals = new Dictionary<string, Refusal>();
        if (Validation.Check(request) is { } invalid)
        {
            foreach (var (key, value) in invalid.ProblemDetails.Errors)
                errors[key] = value;
        }

        // The declared text fields' limits, worded as the data annotations word the others'.
        var type = ContentTypes.Of(kind);
        foreach (var field in TextFields.All.Where(f => request.Texts[f]?.Length > f.MaxLength))
            errors[field.Name] = [new MaxLengthAttribute(field.MaxLength).FormatErrorMessage(char.ToUpperInvariant(field.Name[0]) + field.Name[1..])];

        // An item's kind decides its address and its fields; it is chosen once, at creation.
        if (request.Kind is not null && (!ContentKinds.TryParseKind(request.Kind, out var asked) || asked != kind))
            refusals["kind"] = Refusals.KindFixed(kind);

        var title = request.Title?.Trim() ?? "";
        if (title.Length == 0)
            refusals.TryAdd("title", Refusals.TitleRequired());

        var slug = request.Slug?.Trim();
        if (slug is { Length: > 0 } && !Slugs.IsValid(slug))
            refusals["slug"] = Refusals.SlugFormat();

        var city = string.IsNullOrWhiteSpace(request.City) ? null : request.City.Trim();
        if (city is not null && !cityCodes.Contains(city))
            refusals["city"] = Refusals.CityUnknown(city);
        if (city is null && type.CityBound)
            refusals["city"] = Refusals.CityRequired();

        var tags = (request.Tags ?? []).Select(t => t?.Trim() ?? "").Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (tags.Any(t => t.Length > 64))
            refusals["tags"] = Refusals.TagTooLong();

        // An enumerated field (an event's type) takes one of its declared codes only.
        foreach (var field in type.Fields.Where(f => !f.Allows(request.Texts[f])))
            refusals[field.Name] = Refusals.ChoiceUnknown(field);

        var startsAt = Time(request.StartsAt, "startsAt", refusals);
        var endsAt = Time(request.EndsAt, "endsAt", refusals);
        if (startsAt is not null && endsAt < startsAt)
            refusals.TryAdd("endsAt", Refusals.EndBeforeStart());

        // Every text field, whichever form or body it came from: this is where an item's text is written. Last, so it
        // wins over a field's other refusal (a slug with an escape in it is told about the escape).
        foreach (var (field, refusal) in ControlCharacters.RefusalsOf(request))
            refusals[field] = refusal;

        if (errors.Count > 0 || refusals.Count > 0)
            throw RequestValidationException.From(errors, refusals);

        return new ContentFields
        {
            Kind = kind,
            Edition = edition,
            Title = title,
            Slug = slug is { Length: > 0 } ? slug : currentSlug ?? Slugs.Generate(title, today),
            Body = request.Body ?? "",
            City = city,
            Tags = tags,
            Texts = TextValues.From(f => type.Fields.Contains(f) ? Blank(request.Texts[f]) : null),
            IsOriginal = request.Original ?? true,
            IsPinned = request.Pinned ?? false,
            State = state,
            StartsAt = startsAt,
            EndsAt = endsAt,
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTime? Time(string? text, string name, Dictionary<string, Refusal> refusals)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (BeijingTime.TryParse(text, out var utc))
            return utc;
        refusals[name] = Refusals.TimeFormat();
        return null;
    }
}
