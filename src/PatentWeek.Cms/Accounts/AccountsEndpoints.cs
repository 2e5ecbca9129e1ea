namespace PatentWeek.Cms.Accounts;

/// <summary>The accounts feature's endpoints, mapped by the composition root like every other feature's (not from the API folder).</summary>
public static class AccountsEndpoints
{
    public static IEndpointRouteBuilder MapCmsAccounts(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapTokensApi();
        return app;
    }
}
