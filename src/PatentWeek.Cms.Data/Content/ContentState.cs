namespace PatentWeek.Cms.Data.Content;

public enum ContentState
{
    Draft,
    Submitted,
    Approved,
    Published,
    Archived,
}
