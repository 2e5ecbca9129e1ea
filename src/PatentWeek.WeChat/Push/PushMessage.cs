using System.Xml.Linq;

namespace PatentWeek.WeChat.Push;

/// <summary>
/// A push from WeChat (a follower's message or an event), as the flat XML WeChat sends: <c>ToUserName</c>,
/// <c>FromUserName</c>, <c>CreateTime</c>, <c>MsgType</c>, and per type <c>Content</c>, <c>MsgId</c>, <c>Event</c>, …
/// Nested parts (such as <c>PublishEventInfo</c>) stay reachable through <see cref="Xml"/>.
/// </summary>
public sealed class PushMessage(XElement xml)
{
    public XElement Xml { get; } = xml;

    public string? this[string name] => Xml.Element(name)?.Value;

    public string ToUserName => this["ToUserName"] ?? "";
    public string FromUserName => this["FromUserName"] ?? "";
    public long CreateTime => long.TryParse(this["CreateTime"], out var t) ? t : 0;
    public string MsgType => this["MsgType"] ?? "";
    public string? Event => this["Event"];
    public string? Content => this["Content"];
    public string? MsgId => this["MsgId"];

    /// <summary>
    /// What makes a delivery the same delivery when WeChat retries it: MsgId for messages, publish_id for publish
    /// results, sender and time for other events.
    /// </summary>
    public string DeliveryKey =>
        MsgId is { Length: > 0 } id ? "msg:" + id
        : Xml.Element("PublishEventInfo")?.Element("publish_id")?.Value is { Length: > 0 } publish ? "publish:" + publish
        : $"event:{FromUserName}:{CreateTime}:{Event}";
}
