namespace PatentWeek.Cms.Media;

/// <summary>An upload refused for what it is (type, size, content); becomes a 4xx with <see cref="Message"/>.</summary>
public sealed class MediaRejectedException(string message, int statusCode = StatusCodes.Status400BadRequest) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public static MediaRejectedException TooLarge(string kind, long limit) =>
        new($"The file is larger than the {limit / (1024 * 1024)} MB allowed for {kind}.", StatusCodes.Status413PayloadTooLarge);

    public static MediaRejectedException Unsupported(string detail) => new(detail, StatusCodes.Status415UnsupportedMediaType);
}
