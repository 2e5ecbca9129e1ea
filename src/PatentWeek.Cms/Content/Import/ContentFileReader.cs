using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Content.Import;

/// <summary>What an import takes from one file: the fields plus the times an export preserves.</summary>
public sealed record ImportedItem(ContentFile File, ContentFields Fields, DateTime? CreatedAt, DateTime? UpdatedAt);

/// <summary>Turns a parsed file into checked <see cref="ContentFields"/>; each problem names the key's line.</summary>
public static class ContentFileReader
{
    public static ImportedItem Read(ContentFile file, IReadOnlyDictionary<int, DateOnly> editionWeekStarts, IReadOnlySet<string> cityCodes)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(editionWeekStarts);
        ArgumentNullException.ThrowIfNull(cityCodes);
        var fm = file.FrontMatter;

        if (!ContentKinds.TryParseKind(fm.Kind, out var kind))
            throw file.Error("kind", $"kind must be one of {string.Join(", ", ContentKinds.Names)}");
        if (fm.Edition is not { } edition)
            throw file.Error("edition", "edition (the edition's number, e.g. 13) is required");
        if (!editionWeekStarts.TryGetValue(edition, out var weekStart))
            throw file.Error("edition", $"edition {edition} is not defined in editions.yml");
        if (string.IsNullOrWhiteSpace(fm.Title))
            throw file.Error("title", "title is required");
        if (fm.Title.Length > 200)
            throw file.Error("title", "title is longer than 200 characters");

        var type = ContentTypes.Of(kind);
        foreach (var field in TextFields.All)
            CheckLength(file, field.FileKey, field.ReadFile(fm), field.MaxLength);
        foreach (var field in type.Fields.Where(f => !f.Allows(f.ReadFile(fm))))
            throw file.Error(field.FileKey, $"{field.FileKey} must be one of {string.Join(", ", field.Choices!.Select(c => c.Code))}");
        if (fm.Tags?.FirstOrDefault(t => t is null || t.Length > 64) is { } badTag)
            throw file.Error("tags", $"tag '{badTag}' is longer than 64 characters");

        var state = ContentState.Published;
        if (fm.State is not null && !ContentKinds.TryParseState(fm.State, out state))
            throw file.Error("state", "state must be one of draft, submitted, approved, published, archived");

        var city = fm.City?.Trim();
        if (city is not null && !cityCodes.Contains(city))
            throw file.Error("city", $"city '{city}' is not a known city code");
        if (city is null && type.CityBound)
            throw file.Error("city", $"a {kind.ToName()} needs the city code it belongs to");

        var publishedAt = Time(file, "publishedAt", fm.PublishedAt);
        var slug = fm.Slug?.Trim();
        if (slug is not null && !Slugs.IsValid(slug))
            throw file.Error("slug", "slug must be lower-case ASCII letters, digits and single hyphens");
        // A file without a slug is known by its path, never by its title or date, which may be edited.
        var stem = System.IO.Path.GetFileNameWithoutExtension(file.Path);
        var fallbackSlug = Slugs.IsValid(stem) ? stem : Slugs.FromSeed(weekStart, file.Path);

        var fields = new ContentFields
        {
            Kind = kind,
            Edition = edition,
            Title = fm.Title.Trim(),
            Slug = slug ?? fallbackSlug,
            Body = file.Body,
            City = city,
            Tags = fm.Tags ?? [],
            Texts = TextValues.From(f => type.Fields.Contains(f) ? (f.TrimOnImport ? f.ReadFile(fm)?.Trim() : f.ReadFile(fm)) : null),
            IsOriginal = fm.Original ?? true,
            IsPinned = fm.Pinned ?? false,
            IsSample = fm.Sample ?? false,
            State = state,
            PublishedAt = publishedAt,
            StartsAt = Time(file, "startsAt", fm.StartsAt),
            EndsAt = Time(file, "endsAt", fm.EndsAt),
        };
        if (fields.EndsAt < fields.StartsAt)
            throw file.Error("endsAt", "endsAt is before startsAt");

        return new ImportedItem(file, fields, Time(file, "createdAt", fm.CreatedAt), Time(file, "updatedAt", fm.UpdatedAt));
    }

    private static void CheckLength(ContentFile file, string key, string? text, int max)
    {
        if (text?.Length > max)
            throw file.Error(key, $"{key} is longer than {max} characters");
    }

    private static DateTime? Time(ContentFile file, string key, string? text)
    {
        if (text is null)
            return null;
        if (!BeijingTime.TryParse(text, out var utc))
            throw file.Error(key, $"{key} '{text}' is not a Beijing time like 2019-11-30 09:00");
        return utc;
    }
}
