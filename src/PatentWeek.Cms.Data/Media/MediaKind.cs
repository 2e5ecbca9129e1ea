namespace PatentWeek.Cms.Data.Media;

public enum MediaKind
{
    Image,
    Video,
    Document,
}
