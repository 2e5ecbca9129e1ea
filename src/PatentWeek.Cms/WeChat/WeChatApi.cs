using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.WeChat;

/// <summary>
/// Cross-posting through the management API. Starting or retrying a post needs an editor or administrator; anyone
/// who may see an item may see where its post stands (city scoping applies to <c>{id}</c> as elsewhere).
/// </summary>
public static class WeChatApi
{
    public static IEndpointRouteBuilder MapWeChatApi(this IEndpointRouteBuilder app)
    {
        var item = app.MapGroup("/api/manage/v1/content/{id:int}/wechat")
            .WithTags("WeChat")
            .RequireAuthorization(Policies.Staff)
            .AddEndpointFilter<ResourceScopeFilter<Data.Content.ContentItem>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        item.MapGet("/", ItemStatus).WithSummary("Where the item's latest cross-post stands");
        item.MapPost("/", CrossPostItem).RequireAuthorization(Policies.Publishers).WithSummary("Cross-post the published item to WeChat")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem();
        item.MapGet("/preview", Preview).WithSummary("The WeChat article exactly as it would be sent");

        var posts = app.MapGroup("/api/manage/v1/wechat/posts")
            .WithTags("WeChat")
            .RequireAuthorization(Policies.Publishers)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        posts.MapGet("/", List).WithSummary("Recent cross-posts, newest first");
        posts.MapPost("/", CrossPostMany).WithSummary("Cross-post up to 8 published items as one multi-article post")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem();
        posts.MapGet("/{postId:long}", Get).WithSummary("One cross-post with its steps").ProducesProblem(StatusCodes.Status404NotFound);
        posts.MapPost("/{postId:long}/retry", Retry).WithSummary("Start a failed cross-post again")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Results<Ok<WeChatPostDto>, ProblemHttpResult>> ItemStatus(int id, CmsDbContext db, CancellationToken cancellationToken)
    {
        var post = await LatestAsync(db, id, cancellationToken);
        return post is null ? Problems.NotFound("This item has not been cross-posted to WeChat.") : TypedResults.Ok(post);
    }

    public static Task<Results<Accepted<WeChatPostDto>, ProblemHttpResult, ValidationProblem>> CrossPostItem(
        int id, ClaimsPrincipal principal, CrossPosts crossPosts, CmsDbContext db, CancellationToken cancellationToken) =>
        StartAsync(crossPosts.RequestAsync([id], Actor.From(principal), cancellationToken), db, id, cancellationToken);

    public static Task<Results<Accepted<WeChatPostDto>, ProblemHttpResult, ValidationProblem>> CrossPostMany(
        CrossPostBody body, ClaimsPrincipal principal, CrossPosts crossPosts, CmsDbContext db, CancellationToken cancellationToken) =>
        StartAsync(crossPosts.RequestAsync(body?.Items ?? [], Actor.From(principal), cancellationToken), db, null, cancellationToken);

    public static Task<Results<Accepted<WeChatPostDto>, ProblemHttpResult, ValidationProblem>> Retry(
        long postId, ClaimsPrincipal principal, CrossPosts crossPosts, CmsDbContext db, CancellationToken cancellationToken) =>
        StartAsync(crossPosts.RetryAsync(postId, Actor.From(principal), cancellationToken), db, null, cancellationToken);

    public static async Task<Results<Ok<WeChatPreviewDto>, ProblemHttpResult>> Preview(
        int id, CmsDbContext db, WeChatRenditions renditions, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.Include(i => i.Edition).FirstOrDefaultAsync(i => i.Id == id && i.DeletedAt == null, cancellationToken);
        return item is null
            ? Problems.NotFound("There is no such item.")
            : TypedResults.Ok(WeChatPreviewDto.From(await renditions.PreviewAsync(item, cancellationToken)));
    }

    public static async Task<Ok<List<WeChatPostDto>>> List(CmsDbContext db, CancellationToken cancellationToken)
    {
        var posts = await db.WeChatPosts.AsNoTracking().AsSplitQuery().Include(p => p.Items).Include(p => p.Steps)
            .OrderByDescending(p => p.Id).Take(50).ToListAsync(cancellationToken);
        return TypedResults.Ok(posts.Select(p => WeChatPostDto.From(p)).ToList());
    }

    public static async Task<Results<Ok<WeChatPostDto>, ProblemHttpResult>> Get(long postId, CmsDbContext db, CancellationToken cancellationToken)
    {
        var post = await db.WeChatPosts.AsNoTracking().AsSplitQuery().Include(p => p.Items).Include(p => p.Steps)
            .FirstOrDefaultAsync(p => p.Id == postId, cancellationToken);
        return post is null ? Problems.NotFound("There is no such cross-post.") : TypedResults.Ok(WeChatPostDto.From(post));
    }

    private static async Task<WeChatPostDto?> LatestAsync(CmsDbContext db, int itemId, CancellationToken cancellationToken)
    {
        var post = await db.WeChatPosts.AsNoTracking().AsSplitQuery().Include(p => p.Items).Include(p => p.Steps)
            .Where(p => p.Items.Any(i => i.ContentItemId == itemId)).OrderByDescending(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        return post is null ? null : WeChatPostDto.From(post, itemId);
    }

    private static async Task<Results<Accepted<WeChatPostDto>, ProblemHttpResult, ValidationProblem>> StartAsync(
        Task<CrossPostRequest> request, CmsDbContext db, int? itemId, CancellationToken cancellationToken)
    {
        var outcome = await request;
        var current = outcome.Post is null ? null : WeChatPostDto.From(
            await db.WeChatPosts.AsNoTracking().AsSplitQuery().Include(p => p.Items).Include(p => p.Steps).FirstAsync(p => p.Id == outcome.Post.Id, cancellationToken),
            itemId);
        switch (outcome.Refusal)
        {
            case CrossPostRefusal.None:
                return TypedResults.Accepted($"/api/manage/v1/wechat/posts/{current!.Id}", current);
            case CrossPostRefusal.NotFound:
                return Problems.NotFound(outcome.Message!);
            case CrossPostRefusal.Problems:
                return TypedResults.ValidationProblem(outcome.Problems!, outcome.Message);
            case CrossPostRefusal.TooMany:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["items"] = [outcome.Message!] }, outcome.Message);
            default:
                // In flight, unchanged, not published, no account: the request conflicts with where things stand.
                return Problems.Conflict(outcome.Message!, current is null ? null : new Dictionary<string, object?> { ["wechatStatus"] = current.Status, ["post"] = current });
        }
    }
}
