using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PatentWeek.Cms.Accounts;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>
/// The OpenAPI document names the bearer scheme the management API takes (personal access tokens, see
/// <see cref="TokenAuthenticationHandler"/>) and marks every operation that needs it, so the API reference can send
/// a token and a client generator knows which calls are signed.
/// </summary>
public static class OpenApiSecurity
{
    public const string Scheme = "Bearer";

    public static OpenApiOptions AddBearerSecurity(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal access token from POST /api/manage/v1/tokens, sent as 'Authorization: Bearer …'.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] }];
            return Task.CompletedTask;
        });
        return options;
    }
}
