using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.ScaleOut;

/// <summary>
/// Behind nginx the connection comes from the proxy: the client's address (audit log, sign-in limits) and the scheme
/// (Secure cookies, canonical links) are in <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>, believed only from
/// the proxies in <c>Cms:ForwardedHeaders</c>. Nothing is believed by default, not even from loopback: anyone could
/// otherwise pick the address they are limited and audited by.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static string? Problem(ForwardedHeadersSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var proxy in settings.KnownProxies)
        {
            if (!IPAddress.TryParse(proxy, out _))
                return $"Cms:ForwardedHeaders:KnownProxies holds '{proxy}', which is not an IP address.";
        }

        foreach (var network in settings.KnownNetworks)
        {
            if (!System.Net.IPNetwork.TryParse(network, out _))
                return $"Cms:ForwardedHeaders:KnownNetworks holds '{network}', which is not a network such as 10.0.0.0/8.";
        }

        return null;
    }

    internal static IServiceCollection AddCmsForwardedHeaders(this IServiceCollection services, ForwardedHeadersSettings settings)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies)
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in settings.KnownNetworks)
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }

    /// <summary>First in the pipeline, so everything after sees the client's address and scheme.</summary>
    public static WebApplication UseCmsForwardedHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CmsOptions>>().Value.ForwardedHeaders.Enabled)
            app.UseForwardedHeaders();
        return app;
    }
}
