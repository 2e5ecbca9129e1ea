using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>
/// Every string (and list of strings) of every request record read from a JSON body is held to
/// <see cref="ControlCharacters"/> as soon as the record is read, so every field of every write request (content,
/// media, WeChat posts, tokens) is covered in one place. A check after reading, not a converter: a custom string
/// converter would erase the string types from the OpenAPI document.
/// </summary>
public static class PlainTextJson
{
    public static void Modifier(JsonTypeInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Assembly != typeof(PlainTextJson).Assembly)
            return;
        var texts = info.Properties
            .Where(p => p.Get is not null && (p.PropertyType == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(p.PropertyType)))
            .Select(p => (p.Name, Get: p.Get!))
            .ToArray();
        if (texts.Length == 0)
            return;
        var previous = info.OnDeserialized;
        info.OnDeserialized = value =>
        {
            previous?.Invoke(value);
            foreach (var (name, get) in texts)
            {
                foreach (var text in get(value) switch { string s => [s], IEnumerable<string?> list => list, _ => [] })
                    Check(name, text);
            }
        };
    }

    /// <summary>Refuses one JSON field's text that breaks the rule, naming the field.</summary>
    public static void Check(string name, string? text)
    {
        var index = ControlCharacters.Find(text);
        if (index >= 0)
            throw new FieldJsonException(name, ControlCharacters.English(text!, index));
    }
}

/// <summary>A body that is valid JSON but refused for one field's content; <see cref="Field"/> names it.</summary>
public sealed class FieldJsonException : JsonException
{
    public FieldJsonException(string field, string message)
        : base(message) => Field = field;

    public FieldJsonException()
    {
    }

    public FieldJsonException(string message)
        : base(message)
    {
    }

    public FieldJsonException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string Field { get; } = "";
}
