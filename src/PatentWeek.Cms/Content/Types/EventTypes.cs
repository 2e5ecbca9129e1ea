namespace PatentWeek.Cms.Content.Types;

/// <summary>One value an enumerated field may take: the stable code stored and sent, and the Chinese label shown.</summary>
public sealed record FieldChoice(string Code, string Label);

/// <summary>
/// The kinds of campaign event (活动类型), stored as stable English codes so filters, files and API clients never depend on
/// the Chinese wording, which lives only here.
/// </summary>
public static class EventTypes
{
    public static readonly IReadOnlyList<FieldChoice> All =
    [
        new("publicity", "宣讲"),
        new("training", "培训"),
        new("matchmaking", "对接"),
        new("exhibition", "展示"),
        new("trading", "交易"),
        new("consulting", "咨询"),
        new("unveiling", "揭牌"),
        new("other", "其他"),
    ];

    /// <summary>The Chinese label of a code, or null for none or an unknown one.</summary>
    public static string? LabelOf(string? code) => All.FirstOrDefault(c => c.Code == code)?.Label;
}
