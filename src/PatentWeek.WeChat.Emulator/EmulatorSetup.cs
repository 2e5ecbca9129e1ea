using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PatentWeek.WeChat.Emulator;

/// <summary>Registers and maps the emulator; the CMS calls the same two methods to host it under a path prefix.</summary>
public static class EmulatorSetup
{
    public static IServiceCollection AddWeChatEmulator(this IServiceCollection services, Action<EmulatorOptions>? configure = null)
    {
        var options = services.AddOptions<EmulatorOptions>().BindConfiguration(EmulatorOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
            options.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EmulatorFaults>();
        services.AddDbContext<EmulatorDb>((sp, db) =>
        {
            var o = sp.GetRequiredService<IOptions<EmulatorOptions>>().Value;
            var folder = Path.GetFullPath(o.DataPath, sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            Directory.CreateDirectory(folder);
            db.UseSqlite($"Data Source={Path.Combine(folder, "emulator.db")}");
        });
        services.AddScoped<EmulatorAccess>();
        services.AddHttpClient();
        services.AddHostedService<PublishPusher>();
        return services;
    }

    /// <summary>Maps the API under <c>{prefix}/cgi-bin</c>, and the follower view and <c>/inspect</c> under <c>{prefix}</c>.</summary>
    public static IEndpointRouteBuilder MapWeChatEmulator(this IEndpointRouteBuilder app, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(app);
        using (var scope = app.ServiceProvider.CreateScope())
            EmulatorSchema.Prepare(scope.ServiceProvider.GetRequiredService<EmulatorDb>());
        var root = app.MapGroup(prefix).ExcludeFromDescription();
        // Filters run in this order: note the call (for rids), the IP whitelist, then any arranged fault.
        var cgi = root.MapGroup("/cgi-bin")
            .AddEndpointFilter(RidEndpoints.BeginAsync)
            .AddEndpointFilter(AccountConditions.CheckIpAsync)
            .AddEndpointFilter(FaultEndpoints.ApplyAsync);
        TokenEndpoints.Map(cgi);
        TicketEndpoints.Map(cgi);
        DraftEndpoints.Map(cgi);
        MaterialEndpoints.Map(cgi);
        MaterialEndpoints.MapMore(cgi);
        PublishEndpoints.Map(cgi);
        PublishEndpoints.MapMore(cgi);
        QuotaEndpoints.Map(cgi);
        QuotaEndpoints.MapMore(cgi);
        RidEndpoints.Map(cgi);
        TemporaryMediaEndpoints.Map(cgi);
        MassSendEndpoints.Map(cgi);
        InspectEndpoints.Map(root, prefix);
        MassSendEndpoints.MapInspect(root);
        if (app.ServiceProvider.GetRequiredService<IOptions<EmulatorOptions>>().Value.TestControls)
            FaultEndpoints.Map(root);
        return app;
    }
}
