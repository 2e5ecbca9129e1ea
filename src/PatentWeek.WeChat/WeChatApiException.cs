using System.Text.RegularExpressions;

namespace PatentWeek.WeChat;

/// <summary>
/// An error answer of the WeChat API: <c>{"errcode":N,"errmsg":"… rid: …"}</c>, usually with HTTP 200.
/// <see cref="Rid"/> is the request id WeChat's support (and <c>openapi/rid/get</c>) asks for.
/// </summary>
public sealed partial class WeChatApiException : Exception
{
    public WeChatApiException(int errCode, string errMsg, string path)
        : base($"WeChat {path} answered {errCode}: {errMsg}")
    {
        ErrCode = errCode;
        ErrMsg = errMsg;
        Path = path;
        Rid = RidPattern().Match(errMsg) is { Success: true } m ? m.Groups[1].Value : null;
    }

    public WeChatApiException()
    {
        ErrMsg = "";
        Path = "";
    }

    public WeChatApiException(string message)
        : base(message)
    {
        ErrMsg = message;
        Path = "";
    }

    public WeChatApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrMsg = message;
        Path = "";
    }

    public int ErrCode { get; }
    public string ErrMsg { get; }
    public string Path { get; }
    public string? Rid { get; }

    /// <summary>The access token was rejected (wrong, superseded or expired): refresh it and retry once.</summary>
    public bool IsTokenRejected => ErrCode is WeChatErrors.InvalidCredential or WeChatErrors.InvalidAccessToken or WeChatErrors.AccessTokenExpired;

    /// <summary>Worth retrying later: system busy, quota for the day or the minute.</summary>
    public bool IsTransient => ErrCode is WeChatErrors.SystemBusy or WeChatErrors.DailyQuotaReached or WeChatErrors.MinuteQuotaReached;

    [GeneratedRegex(@"rid:\s*([0-9A-Za-z-]+)")]
    private static partial Regex RidPattern();
}

/// <summary>The error codes the client reacts to (the full list is the reference's).</summary>
public static class WeChatErrors
{
    public const int SystemBusy = -1;
    public const int InvalidCredential = 40001;
    public const int InvalidAccessToken = 40014;
    public const int AccessTokenExpired = 42001;
    public const int DailyQuotaReached = 45009;
    public const int MinuteQuotaReached = 45011;
    public const int IpNotWhitelisted = 40164;
    public const int InvalidMediaId = 40007;
    public const int ApiUnauthorized = 48001;
}
