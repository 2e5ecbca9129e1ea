using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PatentWeek.WeChat.Tokens;

namespace PatentWeek.WeChat.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void AddWeChatClient_wires_the_client_and_one_token_holder()
    {
        var services = new ServiceCollection();
        services.AddWeChatClient(o => (o.AppId, o.AppSecret) = ("wx0123456789abcdef", "secret"));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        Assert.NotNull(provider.GetRequiredService<WeChatApiClient>());
        Assert.NotNull(provider.GetRequiredService<Api.WeChatDrafts>());
        Assert.NotNull(provider.GetRequiredService<Api.WeChatMaterials>());
        Assert.NotNull(provider.GetRequiredService<Api.WeChatDiagnostics>());
        var holder = provider.GetRequiredService<WeChatTokenHolder>();
        Assert.Same(holder, provider.GetRequiredService<WeChatTokenHolder>());
        Assert.Equal("wx0123456789abcdef", holder.AppId);
    }

    [Fact]
    public void Missing_credentials_fail_when_the_options_are_read()
    {
        var services = new ServiceCollection();
        services.AddWeChatClient(o => o.AppId = "wx0123456789abcdef");
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WeChatOptions>>().Value);
        Assert.Contains("AppSecret", error.Message, StringComparison.Ordinal);
    }
}
