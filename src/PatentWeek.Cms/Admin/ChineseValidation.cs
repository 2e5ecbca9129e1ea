using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Admin;

/// <summary>
/// The framework's own form messages in Chinese, for every admin form at once: model binding ("The value '' is
/// invalid.") and any validation attribute written without an ErrorMessage, including the [Required] the framework
/// implies for a non-nullable value. The messages stand next to their field, so they need not name it.
/// </summary>
public static class ChineseValidation
{
    public static void Use(MvcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var m = options.ModelBindingMessageProvider;
        // The framework passes the property's name; the page may show these in a summary, so they name the field.
        static string Field(string name) => RefusalFallback.FieldName(name);
        m.SetMissingBindRequiredValueAccessor(f => $"请填写{Field(f)}。");
        m.SetMissingKeyOrValueAccessor(() => "请填写此项。");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "没有收到提交的内容，请重试。");
        m.SetValueMustNotBeNullAccessor(f => $"请填写{Field(f)}。");
        m.SetAttemptedValueIsInvalidAccessor((value, f) => $"{Field(f)}的值“{value}”无效。");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"值“{value}”无效。");
        m.SetUnknownValueIsInvalidAccessor(f => $"{Field(f)}的值无效。");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效。");
        m.SetValueIsInvalidAccessor(value => $"值“{value}”无效。");
        m.SetValueMustBeANumberAccessor(f => $"{Field(f)}须是数字。");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "须是数字。");
        options.ModelMetadataDetailsProviders.Add(new MetadataProvider());
    }

    /// <summary>The Chinese for an attribute's rule ({1}, {2} are the attribute's own limits, as the framework formats them).</summary>
    internal static string? MessageFor(ValidationAttribute attribute) => attribute switch
    {
        RequiredAttribute => "请填写此项。",
        MaxLengthAttribute => "最多 {1} 个字。",
        MinLengthAttribute => "至少 {1} 个字。",
        StringLengthAttribute => "最多 {1} 个字。",
        RangeAttribute => "须在 {1} 至 {2} 之间。",
        EmailAddressAttribute => "邮箱格式不正确。",
        UrlAttribute => "网址格式不正确。",
        CompareAttribute => "两次填写的内容不一致。",
        RegularExpressionAttribute => "格式不正确。",
        _ => "填写的内容不正确。",
    };

    private sealed class MetadataProvider : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            var validators = context.ValidationMetadata.ValidatorMetadata;
            foreach (var attribute in validators.OfType<ValidationAttribute>())
            {
                if (attribute.ErrorMessage is null && attribute.ErrorMessageResourceType is null)
                    attribute.ErrorMessage = MessageFor(attribute);
            }

            // A non-nullable value (a checkbox, a number) is required by the framework with an English message of its
            // own unless a [Required] is already there; this one speaks Chinese and never fails on a value type.
            var type = context.Key.ModelType;
            if (context.Key.MetadataKind == ModelMetadataKind.Property
                && type.IsValueType && Nullable.GetUnderlyingType(type) is null && !validators.OfType<RequiredAttribute>().Any())
                validators.Add(new RequiredAttribute { ErrorMessage = "请填写此项。" });
        }
    }
}
