using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Data.Media;
using PatentWeek.Cms.Delivery;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Media;

/// <summary>
/// <c>/api/manage/v1/media</c> (bearer tokens) and the admin's cookie twins for uploading and downloading.
/// Refusals become problem+json through <see cref="WorkflowExceptionFilter"/> on each group, as on every API.
/// </summary>
public static class MediaApi
{
    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder app)
    {
        var media = app.MapGroup("/api/manage/v1/media")
            .WithTags("Media")
            .RequireAuthorization(Policies.Staff)
            .AddEndpointFilter<WorkflowExceptionFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        media.MapPost("/", Upload).RequireAuthorization(Policies.Authors).DisableAntiforgery()
            .WithSummary("Upload a file (multipart field 'file'; optional 'alt', 'title')")
            .Accepts<MediaUploadForm>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        media.MapGet("/", List).WithSummary("The library, newest first: kind, search, page");
        var item = media.MapGroup("/{id:int}").ProducesProblem(StatusCodes.Status404NotFound);
        item.MapGet("/", Get).WithSummary("One media item with its renditions, crops and WeChat set");
        item.MapPatch("/", Update).RequireAuthorization(Policies.Authors).WithSummary("Change alt text, title, focal point or a video's poster")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        item.MapDelete("/", Delete).RequireAuthorization(Policies.Authors).WithSummary("Delete media no item uses")
            .ProducesProblem(StatusCodes.Status409Conflict);
        item.MapGet("/file", Download).WithSummary("The original file, under its original name")
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status206PartialContent).Produces(StatusCodes.Status416RangeNotSatisfiable);

        // The admin pages' own endpoints: the sign-in cookie instead of a token, and an antiforgery header.
        var admin = app.MapGroup("/admin/media").RequireAuthorization(Policies.Staff)
            .AddEndpointFilter<AccountSetupEndpointFilter>().AddEndpointFilter<WorkflowExceptionFilter>().ExcludeFromDescription();
        admin.MapPost("/upload", AdminUpload).RequireAuthorization(Policies.Authors).DisableAntiforgery();
        admin.MapGet("/{id:int}/file", Download);
        return app;
    }

    public static async Task<Created<MediaDto>> Upload(
        HttpRequest request, ClaimsPrincipal principal, MediaUploader uploader, MediaLibrary library, CancellationToken cancellationToken)
    {
        var actor = Actor.From(principal);
        var asset = await uploader.UploadAsync(request, actor, cancellationToken);
        return TypedResults.Created($"/api/manage/v1/media/{asset.Id}", await library.DtoAsync(actor, asset, cancellationToken));
    }

    public static async Task<Results<Created<MediaDto>, ProblemHttpResult>> AdminUpload(
        HttpContext context, IAntiforgery antiforgery, MediaUploader uploader, MediaLibrary library, CancellationToken cancellationToken)
    {
        // The token travels in a header, so checking it does not read (and buffer) the multipart body; without
        // the header, antiforgery would look for it in the form, reading the whole upload first.
        if (!context.Request.Headers.ContainsKey(AdminSetup.AntiforgeryHeader) || !await antiforgery.IsRequestValidAsync(context))
            return TypedResults.Problem("页面已过期，请刷新后重新上传。", statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
        return await Upload(context.Request, context.User, uploader, library, cancellationToken);
    }

    public static async Task<Results<Ok<PagedDto<MediaDto>>, ValidationProblem>> List(
        ClaimsPrincipal principal, MediaLibrary library, CancellationToken cancellationToken,
        [FromQuery] string? kind = null, [FromQuery] string? q = null, [FromQuery] int page = 1)
    {
        MediaKind? parsed = null;
        if (kind is not null)
        {
            if (!Enum.TryParse<MediaKind>(kind, ignoreCase: true, out var k) || int.TryParse(kind, out _))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = ["kind is image, video or document."] });
            parsed = k;
        }

        if (page is < 1 or > MediaLibrary.MaxPage)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = [$"page is between 1 and {MediaLibrary.MaxPage}."] });
        var (items, total) = await library.ListAsync(Actor.From(principal), parsed, q, page, MediaLibrary.PageSize, cancellationToken);
        return TypedResults.Ok(new PagedDto<MediaDto>([.. items.Select(m => MediaDto.From(m, []))], page, MediaLibrary.PageSize, total));
    }

    public static async Task<Ok<MediaDto>> Get(int id, ClaimsPrincipal principal, MediaLibrary library, CancellationToken cancellationToken)
    {
        var actor = Actor.From(principal);
        return TypedResults.Ok(await library.DtoAsync(actor, await library.GetAsync(actor, id, cancellationToken), cancellationToken));
    }

    public static async Task<Ok<MediaDto>> Update(
        int id, MediaUpdateRequest request, ClaimsPrincipal principal, MediaLibrary library, CancellationToken cancellationToken)
    {
        var actor = Actor.From(principal);
        var asset = await library.UpdateAsync(actor, id, request, cancellationToken);
        return TypedResults.Ok(await library.DtoAsync(actor, asset, cancellationToken));
    }

    public static async Task<NoContent> Delete(int id, ClaimsPrincipal principal, MediaLibrary library, CancellationToken cancellationToken)
    {
        await library.DeleteAsync(Actor.From(principal), id, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The original bytes, private to those who may see the item (documents live only here).</summary>
    public static async Task<PhysicalFileHttpResult> Download(
        int id, ClaimsPrincipal principal, MediaLibrary library, IMediaStore store, HttpResponse response, CancellationToken cancellationToken)
    {
        var asset = await library.GetForAsync(Actor.From(principal), id, Operations.Download, "You may not download this file.", cancellationToken);
        response.Headers.CacheControl = "private, no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.PhysicalFile(store.OriginalPath(asset), asset.ContentType, asset.OriginalName, enableRangeProcessing: true);
    }
}

/// <summary>
/// The upload's fields, for the API description only: the endpoint reads the body as a stream (never buffered),
/// so nothing binds to this type.
/// </summary>
public sealed record MediaUploadForm(IFormFile File, string? Alt = null, string? Title = null);
