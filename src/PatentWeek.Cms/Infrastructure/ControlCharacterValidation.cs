using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>
/// The admin forms' side of <see cref="ControlCharacters"/>: every bound string of every admin form is checked, and
/// a refusal is shown next to its field, in Chinese, before anything reaches the workflow.
/// </summary>
public static class ControlCharacterValidation
{
    public static IServiceCollection AddControlCharacterValidation(this IServiceCollection services) =>
        services.Configure<MvcOptions>(o => o.ModelValidatorProviders.Add(new Provider()));

    private sealed class Provider : IModelValidatorProvider
    {
        public void CreateValidators(ModelValidatorProviderContext context)
        {
            if (context.ModelMetadata.ModelType == typeof(string))
                context.Results.Add(new ValidatorItem { Validator = Validator.Instance, IsReusable = true });
        }
    }

    private sealed class Validator : IModelValidator
    {
        public static readonly Validator Instance = new();

        public IEnumerable<ModelValidationResult> Validate(ModelValidationContext context) =>
            ControlCharacters.Find(context.Model as string) >= 0 ? [new ModelValidationResult("", ControlCharacters.Chinese)] : [];
    }
}
