using Microsoft.Extensions.Options;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Outbox;
using PatentWeek.WeChat;
using PatentWeek.WeChat.Emulator;

namespace PatentWeek.Cms.WeChat;

public static class WeChatSetup
{
    public static WebApplicationBuilder AddCmsWeChat(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<WeChatSettings>().BindConfiguration(WeChatSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<WeChatSettings>, WeChatSettingsValidator>();
        services.AddWeChatClientFactory();
        services.AddSingleton<EmbeddedAccount>();
        services.AddSingleton<WeChatAccounts>();
        services.AddScoped<WeChatRenditions>();
        services.AddScoped<CrossPosts>();
        services.AddScoped<WeChatAccountAdmin>();
        services.AddScoped<IOutboxHandler, CrossPostRunner>();

        if (HostsEmulator(builder.Configuration))
        {
            // The emulator plays the account the CMS resolves: made-up values, except those configured.
            services.AddWeChatEmulator();
            var testControls = builder.Configuration.GetValue<bool?>($"{EmulatorOptions.Section}:{nameof(EmulatorOptions.TestControls)}") ?? false;
            services.AddOptions<EmulatorOptions>().Configure<EmbeddedAccount, IOptions<WeChatSettings>>((o, account, settings) =>
            {
                // The public site must not take fault orders (a proxy in front makes every caller look local).
                o.TestControls = testControls;
                var made = account.Current;
                var s = settings.Value;
                o.AppId = s.AppId ?? made.AppId;
                o.AppSecret = s.AppSecret ?? made.AppSecret;
                o.Token = s.Token ?? made.Token;
                o.EncodingAesKey = s.EncodingAESKey ?? made.EncodingAesKey;
                o.DataPath = account.Folder;
                o.CallbackUrl = WeChatCallback.Path;
                o.ArticleBaseUrl = WeChatAccounts.EmulatorPrefix + "/s/";
            });
        }

        return builder;
    }

    public static WebApplication MapCmsWeChat(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapWeChatApi();
        app.MapWeChatCallback();
        if (app.Services.GetRequiredService<WeChatAccounts>().HostsEmulator)
            app.MapWeChatEmulator(WeChatAccounts.EmulatorPrefix);
        return app;
    }

    /// <summary>The same rule as <see cref="WeChatAccounts.HostsEmulator"/>, read before the container exists.</summary>
    private static bool HostsEmulator(ConfigurationManager configuration)
    {
        var configured = configuration.GetValue<bool?>($"{WeChatSettings.Section}:{nameof(WeChatSettings.Emulator)}");
        var mode = configuration.GetValue($"{CmsOptions.Section}:{nameof(CmsOptions.Mode)}", CmsMode.Embedded);
        return configured ?? (mode == CmsMode.Embedded && string.IsNullOrEmpty(configuration[$"{WeChatSettings.Section}:{nameof(WeChatSettings.ApiBaseUrl)}"]));
    }
}
