namespace PatentWeek.Cms.Content.Types;

/// <summary>
/// The values of the declared <see cref="TextFields"/> one record carries (a request, a snapshot, a staff answer), by
/// field name. Equal values compare equal, so records holding it keep their value equality. Immutable once made:
/// <see cref="With"/> copies. Each record starts with its own (<c>= new()</c>), which only a JSON reader fills.
/// </summary>
public sealed class TextValues : IEquatable<TextValues>
{
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);

    public string? this[TextField field] => values.GetValueOrDefault(field.Name);

    public static TextValues From(Func<TextField, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var result = new TextValues();
        foreach (var field in TextFields.All)
            result.values[field.Name] = read(field);
        return result;
    }

    public TextValues With(TextField field, string? value) => From(f => f == field ? value : this[f]);

    /// <summary>Only while a JSON reader fills a record it has just made (see <see cref="TextFieldsJson"/>).</summary>
    internal void SetWhileReading(TextField field, string? value) => values[field.Name] = value;

    public bool Equals(TextValues? other) => other is not null && TextFields.All.All(f => this[f] == other[f]);

    public override bool Equals(object? obj) => Equals(obj as TextValues);

    public override int GetHashCode() => TextFields.All.Aggregate(0, (hash, f) => HashCode.Combine(hash, this[f]));
}

/// <summary>A record carrying the declared text fields; <see cref="TextFieldsJson"/> writes them as its own JSON properties.</summary>
public interface IHasTextFields
{
    TextValues Texts { get; }
}
