using PatentWeek.Cms.Outbox;

namespace PatentWeek.Cms.WeChat;

/// <summary>A cross-post is out on the official account: its items' pages now link to their articles.</summary>
public sealed record CrossPostPublished(long PostId, IReadOnlyList<int> ItemIds) : IDomainEvent
{
    public static string EventType => "wechat.published";

    public string Key => CrossPostJob.KeyOf(PostId);
}
