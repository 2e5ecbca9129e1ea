using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace PatentWeek.Cms.WeChat;

/// <summary>
/// The <c>WeChat</c> configuration section. Each account value set here wins over what an administrator enters;
/// with none of them and no <see cref="ApiBaseUrl"/>, the embedded mode hosts the emulator and uses it.
/// </summary>
public sealed class WeChatSettings
{
    public const string Section = "WeChat";

    public string? ApiBaseUrl { get; set; }
    public string? AppId { get; set; }
    public string? AppSecret { get; set; }
    public string? Token { get; set; }
    public string? EncodingAESKey { get; set; }

    /// <summary>Host the emulator under <c>/wechat-emulator</c> and use it; null: in the embedded mode when no ApiBaseUrl is set.</summary>
    public bool? Emulator { get; set; }

    /// <summary>The first wait after a transient failure (45009, 45011, -1, 5xx, timeouts); it doubles each time.</summary>
    [Range(1, 3600)]
    public int RetrySeconds { get; set; } = 30;

    /// <summary>The longest wait between attempts.</summary>
    [Range(1, 86_400)]
    public int MaxRetrySeconds { get; set; } = 1800;

    /// <summary>How often a publish job is asked about while WeChat works on it (the push usually comes first).</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 10;

    /// <summary>
    /// How long after a draft/add whose answer was lost we only look for the draft it made, before asking again: the
    /// call may still be running at WeChat. (A lost submit is never sent again; see UnknownPublishTimeoutSeconds.)
    /// </summary>
    [Range(0, 3600)]
    public int AnswerGraceSeconds { get; set; } = 60;

    /// <summary>How long a publish with a lost answer is looked for among published articles before it fails.</summary>
    [Range(60, 86_400)]
    public int UnknownPublishTimeoutSeconds { get; set; } = 1800;
}

internal sealed class WeChatSettingsValidator : IValidateOptions<WeChatSettings>
{
    public ValidateOptionsResult Validate(string? name, WeChatSettings options)
    {
        if (options.ApiBaseUrl is { } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
            return ValidateOptionsResult.Fail("WeChat:ApiBaseUrl must be an absolute URL.");
        if (options.EncodingAESKey is { } key && !WeChatAccounts.IsAesKey(key))
            return ValidateOptionsResult.Fail("WeChat:EncodingAESKey must be the 43 letters and digits the WeChat console shows.");
        if (options.Token is { } token && !WeChatAccounts.IsToken(token))
            return ValidateOptionsResult.Fail("WeChat:Token must be 3 to 32 letters and digits.");
        return options.MaxRetrySeconds < options.RetrySeconds
            ? ValidateOptionsResult.Fail("WeChat:MaxRetrySeconds must not be less than WeChat:RetrySeconds.")
            : ValidateOptionsResult.Success;
    }
}
