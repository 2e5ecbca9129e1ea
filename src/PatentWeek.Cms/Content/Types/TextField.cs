using PatentWeek.Cms.Content.Import;
using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Content.Types;

/// <summary>
/// One simple optional text field of an item (来源, 作者, 摘要…), declared once in <see cref="TextFields"/>: its JSON name,
/// its Chinese label, its limit, and how it is read from and written to the entity and a content file. The request,
/// the revision snapshot, the staff DTO, the editor form, the diff, import and export all walk these declarations.
/// </summary>
public sealed record TextField
{
    /// <summary>The camelCase name in JSON bodies, answers and revision snapshots.</summary>
    public required string Name { get; init; }

    /// <summary>The Chinese name of the field, in refusals, the diff and (unless <see cref="FormLabel"/>) the form.</summary>
    public required string Label { get; init; }

    /// <summary>The most characters a request or a file may send (the column may hold more).</summary>
    public required int MaxLength { get; init; }

    /// <summary>The front-matter key of content files (a file may call a field by an older, shorter key).</summary>
    public string FileKey { get => field ?? Name; init; }

    /// <summary>Where the editor form shows it (<see cref="FormGroups"/>).</summary>
    public required string FormGroup { get; init; }

    /// <summary>The form's label when it says more than the name (a hint in brackets).</summary>
    public string FormLabel { get => field ?? Label; init; }

    /// <summary>The form field's element id; stable, since browser tests and scripts find the field by it.</summary>
    public required string FormId { get; init; }

    /// <summary>The Chinese message of a too-long value next to the field.</summary>
    public string TooLong { get => field ?? $"{Label}最多 {MaxLength} 字"; init; }

    /// <summary>Whether the form shows it as a text area rather than a one-line input.</summary>
    public bool Multiline { get; init; }

    /// <summary>Whether a content file's value is trimmed on import (the API always trims).</summary>
    public bool TrimOnImport { get; init; }

    /// <summary>The values an enumerated field may take (the form shows a select, anything else is refused); null for free text.</summary>
    public IReadOnlyList<FieldChoice>? Choices { get; init; }

    /// <summary>The Chinese message next to the field when a value is not one of <see cref="Choices"/>.</summary>
    public string NotAChoice => $"请从列表中选择{Label}";

    /// <summary>Whether a value may be stored: free text always, an enumerated field only one of its codes (or nothing).</summary>
    public bool Allows(string? value) => Choices is null || string.IsNullOrWhiteSpace(value) || Choices.Any(c => c.Code == value.Trim());

    /// <summary>The value as people read it: an enumerated field's Chinese label, else the text itself.</summary>
    public string? Display(string? value) => Choices?.FirstOrDefault(c => c.Code == value)?.Label ?? value;

    public required Func<ContentItem, string?> Read { get; init; }
    public required Action<ContentItem, string?> Write { get; init; }
    public required Func<FrontMatter, string?> ReadFile { get; init; }
    public required Action<FrontMatter, string?> WriteFile { get; init; }
}

/// <summary>The places of the editor form a text field can stand in.</summary>
public static class FormGroups
{
    public const string Head = "head";
    public const string Cover = "cover";
    public const string Credits = "credits";
    public const string Event = "event";
}
