using System.Net;
using PatentWeek.WeChat;
using PatentWeek.WeChat.Api;

namespace PatentWeek.Cms.WeChat;

/// <summary>WeChat's answers in words an editor understands; the code and rid stay alongside for support.</summary>
public static class WeChatErrorText
{
    /// <summary>
    /// WeChat's errmsg is English ("invalid appsecret") and stays out of what an editor reads: the sentence is
    /// Chinese, the errcode and the rid stay as codes for support (openapi/rid/get gives the errmsg back; the
    /// runner logs it too).
    /// </summary>
    public static string Describe(WeChatApiException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var text = e.ErrCode switch
        {
            WeChatErrors.SystemBusy => "微信系统繁忙，稍后自动重试",
            WeChatErrors.DailyQuotaReached => "今日接口调用次数已用完，次日恢复，或由管理员清零额度",
            WeChatErrors.MinuteQuotaReached => "调用太频繁，稍后自动重试",
            WeChatErrors.InvalidCredential or 40125 => "AppSecret 不正确或已重置：请在微信设置中更新",
            40013 => "AppID 不正确",
            WeChatErrors.IpNotWhitelisted => "服务器 IP 不在公众号的白名单中",
            WeChatErrors.ApiUnauthorized => "公众号没有此接口的权限：需已认证的服务号或订阅号",
            WeChatErrors.InvalidMediaId => "素材或草稿在公众号中已不存在",
            45003 => "标题超过 32 个字",
            45110 => "作者超过 16 个字",
            45004 => "摘要超过 128 个字",
            45002 => "正文超过微信的长度限制",
            40033 => "内容含有不合法的 \\u 转义字符",
            53503 => "草稿未通过发布前检查",
            53504 or 53505 => "该草稿需要在公众号网页后台处理",
            0 => "微信的回答无法识别",
            _ => "微信返回错误",
        };
        return e.Rid is { Length: > 0 } rid ? $"{text}（错误码 {e.ErrCode}，请求编号 {rid}）" : $"{text}（错误码 {e.ErrCode}）";
    }

    public static string Describe(HttpRequestException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        // The framework's message is English ("Connection refused"); the runner logs the exception itself.
        return e.StatusCode is { } status ? $"微信服务器返回 HTTP {(int)status}" : "无法连接微信服务器";
    }

    /// <summary>What a final publish status means (freepublish/get, PUBLISHJOBFINISH).</summary>
    public static string PublishOutcome(int status, IReadOnlyList<int> failIdx)
    {
        ArgumentNullException.ThrowIfNull(failIdx);
        var which = failIdx.Count > 0 ? $"（第 {string.Join("、", failIdx)} 篇）" : "";
        return status switch
        {
            PublishStatus.OriginalityFailed => "原创声明未通过" + which,
            PublishStatus.Failed => "发布失败" + which,
            PublishStatus.RejectedByReview => "未通过平台审核" + which,
            PublishStatus.DeletedByUser => "发布后已在公众号中删除",
            PublishStatus.Banned => "文章已被封禁",
            _ => $"发布状态 {status}",
        };
    }

    /// <summary>Worth trying again later: busy, over quota, 5xx, no answer, an answer that is not WeChat's.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        WeChatApiException w => w.IsTransient || w.ErrCode == 0,
        HttpRequestException h => h.StatusCode is null || (int)h.StatusCode >= 500 || h.StatusCode == HttpStatusCode.TooManyRequests,
        TimeoutException or TaskCanceledException => true,
        Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException => true,
        _ => false,
    };
}
