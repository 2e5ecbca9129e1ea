using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Media;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Outbox;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Media;

/// <summary>
/// Takes one upload from a multipart request (field <c>file</c>, optional <c>alt</c> and <c>title</c>): streams it
/// to a temporary file while hashing and counting, decides its type from the first bytes and stops reading the
/// moment it passes that type's limit, checks it fully (image decode, MP4 boxes, document structure), then
/// stores it by hash and saves the row, its audit entry and its render job in one transaction. Anything
/// refused leaves nothing behind.
/// </summary>
public sealed class MediaUploader(
    CmsDbContext db, IMediaStore store, ImageProcessor images, MediaGate gate, OutboxWriter outbox, AuditLog audit,
    IOptions<MediaOptions> options, TimeProvider time, ILogger<MediaUploader> logger)
{
    private const int MaxTextField = 1000;

    public async Task<MediaAsset> UploadAsync(HttpRequest request, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        // Kestrel's default 30 MB body cap would cut videos short; the per-type limits below are the real ones.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = options.Value.LargestLimit + 64 * 1024;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            throw MediaRejectedException.Unsupported("Send the file as multipart/form-data in a field named 'file'.");

        var reader = new MultipartReader(boundary, request.Body);
        Received? file = null;
        string? alt = null, title = null;
        try
        {
            try
            {
                while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
                {
                    if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                        || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                        continue;
                    var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                    if (name == "file" && disposition.IsFileDisposition())
                    {
                        if (file is not null)
                            throw new MediaRejectedException("Send one file per upload.");
                        var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                        file = await ReceiveAsync(section.Body, fileName, cancellationToken);
                    }
                    else if (name is "alt" or "title")
                    {
                        var value = await ReadTextAsync(section.Body, name, cancellationToken);
                        if (name == "alt")
                            alt = value;
                        else
                            title = value;
                    }
                }
            }
            catch (IOException)
            {
                // Only the client's bytes are read here (writing the temporary file fails differently): the body
                // broke off part-way, a bad request rather than a server fault.
                throw new MediaRejectedException("The upload was cut off before it was complete; try again.");
            }
            catch (InvalidDataException e)
            {
                // Malformed multipart (bad boundary, headers too long): the client's fault, not ours.
                throw new MediaRejectedException($"The upload is not valid multipart/form-data: {e.Message}");
            }

            if (file is null)
                throw new MediaRejectedException("No file was sent; put it in a multipart field named 'file'.");
            return await SaveAsync(file, Limit(alt, "alt", 300), Limit(title, "title", 200), actor, cancellationToken);
        }
        finally
        {
            if (file is not null && File.Exists(file.TempPath))
                File.Delete(file.TempPath);
        }
    }

    /// <summary>
    /// Takes a file a page's own form carried (a city's stamped scan on its plan), through the same checks, limits and
    /// store as an upload to the library.
    /// </summary>
    public async Task<MediaAsset> UploadFileAsync(Stream content, string? fileName, string? title, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(actor);
        Received? file = null;
        try
        {
            file = await ReceiveAsync(content, fileName, cancellationToken);
            return await SaveAsync(file, null, Limit(title, "title", 200), actor, cancellationToken);
        }
        finally
        {
            if (file is not null && File.Exists(file.TempPath))
                File.Delete(file.TempPath);
        }
    }

    /// <summary>
    /// Takes a file from disk (the seed's sample media) through the same checks and store as an upload. The same bytes
    /// already in the library are not stored again: their row is returned, so a second start adds nothing.
    /// </summary>
    public async Task<MediaAsset> ImportFileAsync(string path, string? alt, string? title, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Received? file = null;
        try
        {
            await using (var input = File.OpenRead(path))
                file = await ReceiveAsync(input, Path.GetFileName(path), cancellationToken);
            var sha = file.Sha256;
            if (await db.MediaAssets.FirstOrDefaultAsync(m => m.Sha256 == sha && m.UploadedById == actor.Id, cancellationToken) is { } existing)
                return existing;
            return await SaveAsync(file, Limit(alt, "alt", 300), Limit(title, "title", 200), actor, cancellationToken);
        }
        finally
        {
            if (file is not null && File.Exists(file.TempPath))
                File.Delete(file.TempPath);
        }
    }

    private sealed record Received(string TempPath, SniffedType Type, string Sha256, long Size, string? FileName);

    private async Task<Received> ReceiveAsync(Stream body, string? fileName, CancellationToken cancellationToken)
    {
        var temp = store.NewTempFile();
        try
        {
            // Unbuffered, with the reads gathered into whole 80 KB blocks (the multipart reader hands out a few KB at a
            // time): every write reaches the disk in WriteAsync, so a full disk is seen there and never as a flush when
            // the stream is disposed (which would pass for the client's body breaking off).
            await using var output = Create(temp);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            long size = 0;
            SniffedType? type = null;
            long limit = options.Value.LargestLimit;
            int read;
            while ((read = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken)) > 0)
            {
                // The type (and so the limit) is known from the first bytes.
                if (type is null)
                {
                    type = FileSniffer.Sniff(buffer.AsSpan(0, read)) ?? throw MediaRejectedException.Unsupported(
                        "This kind of file is not accepted. Upload JPEG, PNG, WebP or GIF images, MP4 videos, or PDF, Word (.docx) or Excel (.xlsx) documents.");
                    limit = options.Value.MaxBytes(type.Kind);
                }

                size += read;
                if (size > limit)
                    throw MediaRejectedException.TooLarge(KindName(type.Kind), limit);
                hash.AppendData(buffer, 0, read);
                await WriteAsync(output, buffer.AsMemory(0, read), cancellationToken);
            }

            if (type is null)
                throw new MediaRejectedException("The file is empty.");
            return new Received(temp, type, Convert.ToHexStringLower(hash.GetHashAndReset()), size, fileName);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private async Task<MediaAsset> SaveAsync(Received file, string? alt, string? title, Actor actor, CancellationToken cancellationToken)
    {
        var kind = file.Type.Kind;
        var contentType = file.Type.ContentType;
        int? width = null, height = null;
        double? duration = null;
        switch (kind)
        {
            case MediaKind.Image:
                var facts = await gate.RunAsync(() => images.Inspect(file.TempPath), cancellationToken);
                (width, height, contentType) = (facts.Width, facts.Height, facts.ContentType);
                break;
            case MediaKind.Video:
                var video = VideoInspector.Inspect(file.TempPath);
                (width, height, duration) = (video.Width, video.Height, video.DurationSeconds);
                break;
            case MediaKind.Document when contentType == DocumentInspector.WebVtt:
                DocumentInspector.InspectCaptions(file.TempPath);
                break;
            default:
                contentType = DocumentInspector.Inspect(file.TempPath, contentType, options.Value.MaxDocumentUnpackedBytes);
                break;
        }

        var extension = MediaKeys.ExtensionOf(contentType);
        var name = MediaNames.Sanitise(file.FileName, extension);
        var now = time.GetUtcNow().UtcDateTime;
        var asset = new MediaAsset
        {
            Kind = kind,
            ContentType = contentType,
            Sha256 = file.Sha256,
            Size = file.Size,
            OriginalName = name,
            Alt = alt,
            Title = title,
            Width = width,
            Height = height,
            DurationSeconds = duration,
            CityCode = actor.IsCityBound ? actor.CityCode : null,
            UploadedById = actor.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };

        // The bytes first: a row must never point at a missing file. A failed save leaves an unreferenced
        // file under its hash, which the next upload of the same bytes simply reuses.
        store.AdoptOriginal(file.TempPath, kind, file.Sha256, extension);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.MediaAssets.Add(asset);
        await db.SaveChangesAsync(cancellationToken);
        if (kind != MediaKind.Document)
            outbox.Enqueue(RenderMediaHandler.JobType, new RenderMediaJob(asset.Id));
        audit.Record(actor, AuditAction.MediaUpload, $"media/{asset.Id}", $"{name}（{contentType}，{file.Size} 字节）");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return asset;
    }

    /// <summary>
    /// Our own disk failing is a server condition, not to be mistaken for a client's broken body: full is a 507 the
    /// editor reads next to the file (the temporary file is removed by the caller, so the space comes back); anything
    /// else a 500.
    /// </summary>
    private async Task WriteAsync(FileStream output, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        try
        {
            await output.WriteAsync(bytes, cancellationToken);
        }
        catch (IOException e)
        {
            throw StorageFailed(e);
        }
    }

    /// <summary>The temporary file, its own failures (no room even for it, the folder gone) sorted as the writes' are.</summary>
    private FileStream Create(string temp)
    {
        try
        {
            return new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, useAsync: true);
        }
        catch (IOException e)
        {
            throw StorageFailed(e);
        }
    }

    private Exception StorageFailed(IOException e)
    {
        if (!DiskFull.Is(e))
            return new InvalidOperationException("The upload could not be written to the media folder.", e);
        logger.LogError(e, "The media folder is full; an upload was refused");
        return MediaRejectedException.StorageFull();
    }

    private static async Task<string?> ReadTextAsync(Stream body, string name, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body);
        var buffer = new char[MaxTextField + 1];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        if (read > MaxTextField)
            throw new MediaRejectedException($"The field '{name}' is too long.");
        var text = new string(buffer, 0, read).Trim();
        // Alt text and title are stored and shown on pages; the upload's other text fields are not read at all.
        ControlCharacters.Ensure(name, text);
        return text.Length == 0 ? null : text;
    }

    private static string? Limit(string? value, string name, int max) =>
        value is not null && value.Length > max ? throw new MediaRejectedException($"The field '{name}' may have at most {max} characters.") : value;

    public static string KindName(MediaKind kind) => kind switch
    {
        MediaKind.Image => "images",
        MediaKind.Video => "videos",
        _ => "documents",
    };
}
