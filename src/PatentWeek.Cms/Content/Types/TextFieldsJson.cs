using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Content.Types;

/// <summary>
/// Writes and reads the declared text fields of an <see cref="IHasTextFields"/> record as flat JSON properties, the
/// shape bodies, answers and stored snapshots have always had (<c>{"title": …, "source": …}</c>). A contract
/// modifier rather than a converter, so the OpenAPI document still lists each property with its type.
/// </summary>
public static class TextFieldsJson
{
    public static void Modifier(JsonTypeInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (info.Kind != JsonTypeInfoKind.Object || !typeof(IHasTextFields).IsAssignableFrom(info.Type))
            return;
        var required = info.Type.GetCustomAttribute<TextFieldsAlwaysWrittenAttribute>() is not null;
        foreach (var field in TextFields.All)
        {
            var name = info.Options.PropertyNamingPolicy?.ConvertName(field.Name) ?? field.Name;
            // A record's typed accessor of the field ([JsonIgnore]) would collide with it by name.
            foreach (var accessor in info.Properties.Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).ToList())
                info.Properties.Remove(accessor);
            var property = info.CreateJsonPropertyInfo(typeof(string), name);
            property.Get = value => ((IHasTextFields)value).Texts[field];
            property.Set = (value, text) => ((IHasTextFields)value).Texts.SetWhileReading(field, (string?)text);
            property.IsRequired = required;
            info.Properties.Add(property);
        }

        // The other strings of a body met PlainTextJson's check already; these were added after it looked.
        var previous = info.OnDeserialized;
        info.OnDeserialized = value =>
        {
            previous?.Invoke(value);
            foreach (var field in TextFields.All)
                PlainTextJson.Check(field.Name, ((IHasTextFields)value).Texts[field]);
        };
    }
}

/// <summary>On an answer whose every property is always written: its text fields are listed as required too.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TextFieldsAlwaysWrittenAttribute : Attribute;
