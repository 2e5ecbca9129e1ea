namespace PatentWeek.WeChat.Api;

/// <summary>A temporary material (<c>media/upload</c>): WeChat keeps it 3 days from <see cref="CreatedAt"/>.</summary>
public sealed record TemporaryMedia(string Type, string MediaId, DateTimeOffset CreatedAt)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(3);

    public DateTimeOffset ExpiresAt => CreatedAt + Lifetime;
}
