using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Media;

/// <summary>
/// An upload refused for what it is (type, size, content), or because the disk is full; one of the
/// <see cref="RefusedException"/> family. It becomes a 4xx (or the 507 of <see cref="StorageFull"/>) with
/// <see cref="Message"/> (English) on the API, and <see cref="Text"/> (Chinese) in the admin UI.
/// </summary>
public sealed class MediaRejectedException(string message, int statusCode = StatusCodes.Status400BadRequest, string? text = null, string? code = null) : RefusedException(message)
{
    public int StatusCode { get; } = statusCode;

    public override int Status => StatusCode;

    /// <summary>What an editor reads: the Chinese given where it was thrown, or the media fallback for the status.</summary>
    public override string Text { get; } = text ?? RefusalFallback.MediaText(statusCode);

    public override IReadOnlyDictionary<string, object?> ProblemExtensions =>
        code is null ? base.ProblemExtensions : new Dictionary<string, object?> { ["code"] = code };

    /// <summary>An upload refused for its content is a bad upload rather than a bad request.</summary>
    public override string Title => StatusCode == StatusCodes.Status400BadRequest ? "Bad upload" : base.Title;

    public static MediaRejectedException TooLarge(string kind, long limit) =>
        new($"The file is larger than the {limit / (1024 * 1024)} MB allowed for {kind}.", StatusCodes.Status413PayloadTooLarge,
            $"文件超过了允许的 {limit / (1024 * 1024)} MB。");

    /// <summary>
    /// The server's media storage is full. Not the file's fault, but answered like a refusal (507) so the editor reads it
    /// next to the file, and nothing of the upload is kept.
    /// </summary>
    public static MediaRejectedException StorageFull() =>
        new("The server's media storage is full; the upload was not kept. Tell the site's administrator.", StatusCodes.Status507InsufficientStorage,
            "服务器存储空间已满，文件未保存。请联系网站管理员。", "insufficient-storage");

    public static MediaRejectedException Unsupported(string detail) => new(detail, StatusCodes.Status415UnsupportedMediaType);
}
