using System.ComponentModel.DataAnnotations;

namespace PatentWeek.WeChat;

/// <summary>One official account's credentials and where its API lives (the real one, or an emulator).</summary>
public sealed class WeChatOptions
{
    public const string DefaultApiBaseUrl = "https://api.weixin.qq.com";

    [Required, Url]
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    [Required]
    public string AppId { get; set; } = "";

    [Required]
    public string AppSecret { get; set; } = "";

    /// <summary>The server-configuration token that signs pushes.</summary>
    public string? Token { get; set; }

    /// <summary>43 characters; set when pushes use secure (encrypted) mode.</summary>
    public string? EncodingAesKey { get; set; }
}
