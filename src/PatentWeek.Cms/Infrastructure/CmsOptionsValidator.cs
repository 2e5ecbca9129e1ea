using Microsoft.Extensions.Options;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>Checks what data annotations cannot: settings that only make sense together.</summary>
internal sealed class CmsOptionsValidator(IConfiguration configuration) : IValidateOptions<CmsOptions>
{
    public ValidateOptionsResult Validate(string? name, CmsOptions options)
    {
        if (options.Database.Provider == DatabaseProvider.PostgreSql
            && string.IsNullOrWhiteSpace(configuration.GetConnectionString(DataServices.ConnectionStringName)))
            return ValidateOptionsResult.Fail("Cms:Database:Provider is PostgreSql but ConnectionStrings:Cms is not set.");
        if (options.PublicBaseUrl is { } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
            return ValidateOptionsResult.Fail("Cms:PublicBaseUrl must be an absolute URL such as https://zscq.example.cn.");
        if (options.PathBase is { Length: > 0 } pathBase && !PathBases.IsValid(pathBase))
            return ValidateOptionsResult.Fail("Cms:PathBase must be a path such as /zlz: a slash, then segments of letters, digits, '-' or '_', no trailing slash.");
        return ValidateOptionsResult.Success;
    }
}
