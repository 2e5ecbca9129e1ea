using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Search;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Delivery;

/// <summary>The public, read-only delivery API: published content only, ETags on every GET.</summary>
public static class DeliveryApi
{
    public static IEndpointRouteBuilder MapDeliveryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .WithTags("Delivery")
            .AddEndpointFilter<ETagFilter>()
            .CacheOutput(Site.OutputCaching.ApiPolicy)
            // The ETag filter answers a matching If-None-Match itself.
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void), []));

        api.MapGet("/site", GetSite).WithName("GetSite").WithSummary("The current edition of the campaign")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/content", ListContent).WithName("ListContent").WithSummary("Published items, newest first; events (kind=event) by their start")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/content/{kind}/{slug}", GetContent).WithName("GetContent").WithSummary("One published item with its HTML")
            .Produces(StatusCodes.Status301MovedPermanently).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapSearchApi();
        api.MapGet("/cities", ListCities).WithName("ListCities").WithSummary("The province's cities");

        // Previews are per-token, never cached and never indexed: outside the cached, ETagged group.
        app.MapGet("/api/v1/preview/{token}", Preview).WithTags("Delivery").WithName("PreviewContent")
            .WithSummary("An unpublished item, through a signed, expiring preview link").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<SiteDto>, ProblemHttpResult>> GetSite(ContentQueries queries, CancellationToken cancellationToken)
    {
        var edition = await queries.CurrentEditionAsync(cancellationToken);
        return edition is null
            ? Problems.NotFound("No edition is set up yet.")
            : TypedResults.Ok(ContentQueries.ToSite(edition));
    }

    public static async Task<Results<Ok<PagedDto<ContentSummaryDto>>, ValidationProblem, ProblemHttpResult>> ListContent(
        [AsParameters] ContentListQuery query, ContentQueries queries, HttpContext http, CancellationToken cancellationToken)
    {
        if (!query.TryValidate(out var filter, out var errors))
            return TypedResults.ValidationProblem(errors, title: "The query string is not valid.");
        Site.CacheTags.Add(http, Site.CacheTags.Of(filter));

        var edition = await queries.EditionAsync(filter.Edition, cancellationToken);
        if (edition is null)
            return Problems.NotFound($"There is no edition {filter.Edition}.");

        return TypedResults.Ok(await queries.ListAsync(edition, filter, cancellationToken: cancellationToken));
    }

    public static async Task<Results<Ok<ContentDto>, RedirectHttpResult, ValidationProblem, ProblemHttpResult>> GetContent(
        [ContentKindName] string kind,
        string slug,
        [FromQuery(Name = "edition"), Description("Edition number; default: the current edition")] string? edition, ContentQueries queries,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (!ContentKinds.TryParseKind(kind, out var contentKind))
            return Problems.NotFound($"There is no kind '{kind}'. Kinds are {string.Join(", ", ContentKinds.Names)}.");
        // Tagged by address: the cached answer goes when the item there changes, or moves to another slug.
        Site.CacheTags.Add(http, Site.CacheTags.Item(contentKind.ToName(), slug));

        var check = new ContentListQuery(null, null, null, edition, null, null);
        if (!check.TryValidate(out var filter, out var errors))
            return TypedResults.ValidationProblem(errors, title: "The query string is not valid.");

        var found = await queries.EditionAsync(filter.Edition, cancellationToken);
        var item = found is null ? null : await queries.GetAsync(found, contentKind, slug, cancellationToken);
        if (item is not null)
            return TypedResults.Ok(item);

        // An old slug answers with a permanent redirect to the item's current address.
        var renamed = found is null ? null : await queries.RenamedToAsync(found, contentKind, slug, cancellationToken);
        return renamed is null
            ? Problems.NotFound($"No published {kind} has the slug '{slug}'.")
            : TypedResults.Redirect(permanent: true, url: $"{http.Request.PathBase}/api/v1/content/{kind}/{Uri.EscapeDataString(renamed)}{(edition is null ? "" : "?edition=" + Uri.EscapeDataString(edition))}");
    }

    public static async Task<Results<Ok<ContentDto>, ProblemHttpResult>> Preview(
        string token, PreviewLinks links, ContentQueries queries, HttpContext http, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        var item = links.Read(token) is { } id ? await queries.PreviewAsync(id, cancellationToken) : null;
        return item is null ? Problems.NotFound("The preview link is invalid or has expired.") : TypedResults.Ok(item);
    }

    public static async Task<Ok<IReadOnlyList<CityDto>>> ListCities(ContentQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.CitiesAsync(cancellationToken));
}
