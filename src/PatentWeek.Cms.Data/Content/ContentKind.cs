namespace PatentWeek.Cms.Data.Content;

/// <summary>What an item is; the lower-case name is its URL segment (<c>/news/…</c>) and API value.</summary>
public enum ContentKind
{
    Page,
    News,
    Topic,
    Video,
    Story,
    Event,
}
