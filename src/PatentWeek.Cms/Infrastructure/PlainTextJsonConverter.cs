using System.Text.Json;
using System.Text.Json.Serialization;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>
/// Every string read from a JSON request body is held to <see cref="ControlCharacters"/>, so every field of every
/// write request (content, media, WeChat posts, tokens) is covered in one place; the refusal names the field
/// through the path the serializer adds.
/// </summary>
public sealed class PlainTextJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"expects a string, not {reader.TokenType}.");
        string? text;
        try
        {
            text = reader.GetString();
        }
        catch (InvalidOperationException e)
        {
            // A lone surrogate (\ud800) is no text at all.
            throw new JsonException("is not valid Unicode text (a lone surrogate).", e);
        }

        var index = ControlCharacters.Find(text);
        return index < 0 ? text : throw new JsonException(ControlCharacters.English(text!, index));
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
