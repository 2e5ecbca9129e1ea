namespace PatentWeek.Cms.Content.Import;

/// <summary>A seed or import file that cannot be read; says which file and line, and why.</summary>
public sealed class ContentImportException : Exception
{
    public ContentImportException(string file, int line, string reason)
        : base($"{file}:{line}: {reason}")
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    public ContentImportException()
        : this("?", 0, "import failed")
    {
    }

    public ContentImportException(string message)
        : this("?", 0, message)
    {
    }

    public ContentImportException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "?";
        Reason = message;
    }

    public string File { get; } = "?";
    public int Line { get; }
    public string Reason { get; } = "";
}
