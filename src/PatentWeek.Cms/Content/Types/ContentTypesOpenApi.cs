using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PatentWeek.Cms.Content.Types;

/// <summary>
/// Marks a parameter or property that holds a kind's name (<c>news</c>, <c>story</c>…): the OpenAPI document lists the
/// registry's names as its enum, so a client generator knows the kinds without anyone writing them down.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class ContentKindNameAttribute : Attribute;

/// <summary>The OpenAPI document's side of the registry: kind enums and the declared text fields' limits.</summary>
public static class ContentTypesOpenApi
{
    /// <summary>The kinds as the parameters' descriptions have always read: "page, news, topic, video, story or event".</summary>
    public static string KindList => string.Join(", ", ContentTypes.Names.SkipLast(1)) + " or " + ContentTypes.Names[^1];

    public static OpenApiOptions AddContentTypes(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var property = context.JsonPropertyInfo;
            if (property?.AttributeProvider?.IsDefined(typeof(ContentKindNameAttribute), inherit: true) == true)
                schema.Enum = Kinds(nullable: schema.Type?.HasFlag(JsonSchemaType.Null) == true);
            else if (property is not null && typeof(IHasTextFields).IsAssignableFrom(property.DeclaringType)
                && property.DeclaringType.GetCustomAttribute<TextFieldsLimitedAttribute>() is not null
                && TextFields.Find(property.Name) is { } field)
            {
                schema.MaxLength = field.MaxLength;
                // An enumerated field (an event's type) lists its codes, so a client knows them without the docs.
                if (field.Choices is { } choices)
                    schema.Enum = [.. choices.Select(c => (JsonNode)JsonValue.Create(c.Code)!), null!];
            }
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            foreach (var description in context.Description.ParameterDescriptions)
            {
                if (description.ParameterDescriptor is not IParameterInfoParameterDescriptor { ParameterInfo: var info }
                    || !info.IsDefined(typeof(ContentKindNameAttribute), inherit: true))
                    continue;
                if (operation.Parameters?.FirstOrDefault(p => p.Name == description.Name) is OpenApiParameter parameter)
                {
                    parameter.Description = KindList;
                    if (parameter.Schema is OpenApiSchema schema)
                        schema.Enum = Kinds(nullable: false);
                }
            }

            return Task.CompletedTask;
        });
        return options;
    }

    // A property that may be null (the request's optional kind) lists null too, or a validator would refuse it.
    private static List<JsonNode> Kinds(bool nullable) => [.. ContentTypes.Names.Select(n => (JsonNode)JsonValue.Create(n)!), .. nullable ? new JsonNode[] { null! } : []];
}

/// <summary>On a request: its declared text fields carry their limits into the OpenAPI document.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TextFieldsLimitedAttribute : Attribute;
