namespace PatentWeek.Cms.Data.Content;

/// <summary>An immutable snapshot of an item, written on every save. Rows are only ever added.</summary>
public class Revision
{
    public long Id { get; set; }
    public int ContentItemId { get; set; }
    public int Number { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Who saved it: a user's e-mail, or <c>import</c> for the file importer.</summary>
    public required string CreatedBy { get; set; }

    /// <summary>The item's fields as JSON (see the host's <c>ContentSnapshot</c>).</summary>
    public required string Snapshot { get; set; }
}
