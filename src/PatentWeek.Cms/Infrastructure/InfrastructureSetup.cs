using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace PatentWeek.Cms.Infrastructure;

public static class InfrastructureSetup
{
    /// <summary>Options checked at start-up, paths and public URLs, the clock, and how every answer is written (JSON, problems, OpenAPI).</summary>
    public static IServiceCollection AddCmsInfrastructure(this IServiceCollection services)
    {
        services.AddOptions<CmsOptions>().BindConfiguration(CmsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<CmsOptions>, CmsOptionsValidator>();
        services.AddSingleton<CmsPaths>();
        services.AddSingleton<PublicUrls>();
        services.AddSingleton(TimeProvider.System);

        // Chinese is sent as characters, not \uXXXX or &#x…; escapes, in JSON and in HTML alike.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddCmsCompression();
        services.AddCmsBadRequests();
        services.AddControlCharacterValidation();
        services.AddOpenApi(o => o.AddBearerSecurity().AddPipelineResponses());
        return services;
    }
}
