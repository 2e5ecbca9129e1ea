namespace PatentWeek.Cms.Content.Import;

/// <summary>A content file split into its front matter and Markdown body, with where each key stands.</summary>
public sealed record ContentFile(
    string Path,
    FrontMatter FrontMatter,
    string Body,
    string Hash,
    IReadOnlyDictionary<string, int> KeyLines)
{
    /// <summary>The line of <paramref name="key"/> in the file, or the opening <c>---</c> when it is absent.</summary>
    public int LineOf(string key) => KeyLines.TryGetValue(key, out var line) ? line : 1;

    public ContentImportException Error(string key, string reason) => new(Path, LineOf(key), reason);
}
