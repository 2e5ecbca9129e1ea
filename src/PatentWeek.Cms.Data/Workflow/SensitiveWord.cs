namespace PatentWeek.Cms.Data.Workflow;

public enum SensitiveWordLevel
{
    /// <summary>Submitting or publishing is refused while the word is present.</summary>
    Block,

    /// <summary>Allowed, but the editor is shown each occurrence.</summary>
    Warn,
}

/// <summary>A word checked on submit, publish and cross-post; the list is an administrator's setting.</summary>
public class SensitiveWord
{
    public int Id { get; set; }
    public required string Word { get; set; }
    public SensitiveWordLevel Level { get; set; }
}
