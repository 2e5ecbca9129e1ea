using PatentWeek.Cms.Outbox;

namespace PatentWeek.Cms.Site.Themes;

/// <summary>An administrator gave an edition another theme: every public page may look different now.</summary>
public sealed record EditionThemeChanged(int EditionId, string Theme) : IDomainEvent
{
    public static string EventType => "edition.theme-changed";

    public string Key => $"edition/{EditionId}";
}
