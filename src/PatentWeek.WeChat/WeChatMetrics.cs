using System.Diagnostics.Metrics;

namespace PatentWeek.WeChat;

/// <summary>
/// Every answer the client reads from WeChat, by path and outcome (<c>ok</c>, <c>errcode</c>, <c>http</c>,
/// <c>shape</c>), on the meter <see cref="MeterName"/>: what an operator watches to see WeChat refusing or failing.
/// </summary>
public static class WeChatMetrics
{
    public const string MeterName = "PatentWeek.WeChat";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Calls = Meter.CreateCounter<long>("wechat.api.calls", "{call}", "Answers read from the WeChat API, by path and outcome.");

    internal static void Answered(string path, string outcome) =>
        Calls.Add(1, new KeyValuePair<string, object?>("path", path), new KeyValuePair<string, object?>("outcome", outcome));
}
