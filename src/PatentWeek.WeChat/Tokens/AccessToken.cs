namespace PatentWeek.WeChat.Tokens;

/// <summary>An access token and when it stops working; <see cref="Lifetime"/> is what WeChat granted when it was issued.</summary>
public sealed record AccessToken(string Value, DateTimeOffset ExpiresAt, TimeSpan Lifetime)
{
    /// <summary>
    /// How long before expiry to fetch a new one, scaled to the lifetime (the margins the widely used SDKs use):
    /// 10 minutes for a token over an hour, 5 over half an hour, 30 s over 5 minutes.
    /// </summary>
    public TimeSpan RefreshMargin => MarginFor(Lifetime);

    /// <summary>The margin for a credential granted for <paramref name="lifetime"/> (JS-SDK tickets use the same).</summary>
    public static TimeSpan MarginFor(TimeSpan lifetime) => lifetime.TotalSeconds switch
    {
        > 3600 => TimeSpan.FromMinutes(10),
        > 1800 => TimeSpan.FromMinutes(5),
        > 300 => TimeSpan.FromSeconds(30),
        _ => TimeSpan.Zero,
    };

    public bool IsFresh(DateTimeOffset now) => now < ExpiresAt - RefreshMargin;
}
