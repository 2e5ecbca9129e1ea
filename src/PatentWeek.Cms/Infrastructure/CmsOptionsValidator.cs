using Microsoft.Extensions.Options;
using PatentWeek.Cms.Site;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>Checks what data annotations cannot: settings that only make sense together.</summary>
internal sealed class CmsOptionsValidator(IConfiguration configuration) : IValidateOptions<CmsOptions>
{
    public ValidateOptionsResult Validate(string? name, CmsOptions options)
    {
        if (options.Database.Provider == DatabaseProvider.PostgreSql
            && string.IsNullOrWhiteSpace(configuration.GetConnectionString(DataServices.ConnectionStringName)))
            return ValidateOptionsResult.Fail("Cms:Database:Provider is PostgreSql but ConnectionStrings:Cms is not set.");
        if (options.Database.Provider == DatabaseProvider.PostgreSql && ConnectionStringProblem(configuration.GetConnectionString(DataServices.ConnectionStringName)) is { } connection)
            return ValidateOptionsResult.Fail(connection);
        if (ScaleOut.SharedRedis.Problem(options.Redis) is { } redis)
            return ValidateOptionsResult.Fail(redis);
        if (ScaleOut.ForwardedHeadersSetup.Problem(options.ForwardedHeaders) is { } forwarded)
            return ValidateOptionsResult.Fail(forwarded);
        if (options.Metrics.Port is < 1 or > 65535)
            return ValidateOptionsResult.Fail("Cms:Metrics:Port must be a port number (1–65535).");
        if (options.Outbox.LeaseSeconds is < 5 or > 3600)
            return ValidateOptionsResult.Fail("Cms:Outbox:LeaseSeconds must be between 5 and 3600.");
        if (options.PublicBaseUrl is { } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
            return ValidateOptionsResult.Fail("Cms:PublicBaseUrl must be an absolute URL such as https://zscq.example.cn.");
        foreach (var field in SiteIdentityFields.All)
        {
            // Only values that are set: an unset one falls back to the admin's or the seed's.
            if (SiteIdentityFields.Clean(field.Configured(options.Site)) is { } value && SiteIdentityFields.Problem(field, value) is { } problem)
                return ValidateOptionsResult.Fail($"Cms:Site:{field.Name} {problem.English}.");
        }

        if (options.PathBase is { Length: > 0 } pathBase && !PathBases.IsValid(pathBase))
            return ValidateOptionsResult.Fail("Cms:PathBase must be a path such as /zlz: a slash, then segments of letters, digits, '-' or '_', no trailing slash.");

        return ValidateOptionsResult.Success;
    }

    private static string? ConnectionStringProblem(string? value)
    {
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(value);
            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            return $"ConnectionStrings:Cms is not a PostgreSQL connection string (Host=…;Database=…;Username=…): {e.Message}";
        }
    }
}
