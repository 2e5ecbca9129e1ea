using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Manage;

/// <summary>Turns a checked request into <see cref="ContentFields"/>, collecting every field error at once.</summary>
public static class ContentRequestMapper
{
    public static ContentFields ToFields(
        ContentWriteRequest request, ContentKind kind, int edition, ContentState state, string? currentSlug, IReadOnlySet<string> cityCodes, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(cityCodes);
        var errors = new Dictionary<string, string[]>();
        if (Validation.Check(request) is { } invalid)
        {
            foreach (var (key, value) in invalid.ProblemDetails.Errors)
                errors[key] = value;
        }

        // An item's kind decides its address and its fields; it is chosen once, at creation.
        if (request.Kind is not null && (!ContentKinds.TryParseKind(request.Kind, out var asked) || asked != kind))
            errors["kind"] = [$"An item's kind cannot change (it is {kind.ToName()}); create a new item instead."];

        var title = request.Title?.Trim() ?? "";
        if (title.Length == 0)
            errors.TryAdd("title", ["The title is required."]);

        var slug = request.Slug?.Trim();
        if (slug is { Length: > 0 } && !Slugs.IsValid(slug))
            errors["slug"] = ["Slugs are lower-case ASCII letters, digits and single hyphens."];

        var city = string.IsNullOrWhiteSpace(request.City) ? null : request.City.Trim();
        if (city is not null && !cityCodes.Contains(city))
            errors["city"] = [$"'{city}' is not a known city code."];
        if (city is null && kind is ContentKind.Story or ContentKind.Event)
            errors["city"] = ["Stories and events belong to a city."];

        var tags = (request.Tags ?? []).Select(t => t?.Trim() ?? "").Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (tags.Any(t => t.Length > 64))
            errors["tags"] = ["Each tag is at most 64 characters."];

        var startsAt = Time(request.StartsAt, "startsAt", errors);
        var endsAt = Time(request.EndsAt, "endsAt", errors);
        if (startsAt is not null && endsAt < startsAt)
            errors.TryAdd("endsAt", ["The end is before the start."]);

        if (errors.Count > 0)
            throw new RequestValidationException(errors);

        return new ContentFields
        {
            Kind = kind,
            Edition = edition,
            Title = title,
            Slug = slug is { Length: > 0 } ? slug : currentSlug ?? Slugs.Generate(title, today),
            Summary = Blank(request.Summary),
            Body = request.Body ?? "",
            City = city,
            Tags = tags,
            Cover = Blank(request.Cover),
            Source = Blank(request.Source),
            Author = Blank(request.Author),
            ResponsibleEditor = Blank(request.ResponsibleEditor),
            WeChatTitle = Blank(request.WeChatTitle)?.Trim(),
            IsOriginal = request.Original ?? true,
            IsPinned = request.Pinned ?? false,
            State = state,
            StartsAt = startsAt,
            EndsAt = endsAt,
            Location = Blank(request.Location),
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTime? Time(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (BeijingTime.TryParse(text, out var utc))
            return utc;
        errors[name] = ["Use Beijing time like 2019-12-01 09:00, or ISO 8601 with an offset."];
        return null;
    }
}
