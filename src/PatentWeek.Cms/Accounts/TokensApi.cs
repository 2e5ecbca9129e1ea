using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Accounts;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Accounts;

public sealed record TokenRequest(
    [property: Required, EmailAddress, MaxLength(256)] string Email,
    [property: Required, MaxLength(256)] string Password,
    [property: MaxLength(10)] string? Code,
    [property: MaxLength(100)] string? Name);

public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);

public sealed record TokenDto(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>Personal access tokens: issued for e-mail and password (and the 2FA code when set), listed and revoked by their owner.</summary>
public static class TokensApi
{
    public static IEndpointRouteBuilder MapTokensApi(this IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/api/manage/v1/tokens").WithTags("Tokens");
        tokens.MapPost("/", Issue).AllowAnonymous().RequireRateLimiting(AuthSetup.SignInRateLimit)
            .WithSummary("Exchange e-mail and password (plus the authenticator code when 2FA is on) for a token")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        tokens.MapGet("/", List).RequireAuthorization(Policies.Staff).WithSummary("My tokens");
        tokens.MapDelete("/{id:int}", Revoke).RequireAuthorization(Policies.Staff).WithSummary("Revoke one of my tokens")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> Issue(
        TokenRequest request, UserManager<CmsUser> users, TokenService tokens, AuditLog audit, CmsDbContext db, CancellationToken cancellationToken)
    {
        if (Validation.Check(request) is { } invalid)
            return invalid;

        const string failed = "The e-mail or password is wrong, or the account is locked or disabled.";
        var user = await users.FindByEmailAsync(request.Email);
        if (user is null || user.DisabledAt is not null || await users.IsLockedOutAsync(user))
        {
            audit.Record(request.Email, AuditAction.SignInFailed, "api", user is null ? "没有此账号" : "账号已锁定或停用");
            await db.SaveChangesAsync(cancellationToken);
            return Problems.Unauthorized(failed);
        }

        if (!await users.CheckPasswordAsync(user, request.Password))
        {
            await users.AccessFailedAsync(user);
            audit.Record(request.Email, AuditAction.SignInFailed, "api", "密码错误");
            await db.SaveChangesAsync(cancellationToken);
            return Problems.Unauthorized(failed);
        }

        var roles = await users.GetRolesAsync(user);
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            var code = request.Code?.Replace(" ", "", StringComparison.Ordinal) ?? "";
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.AccessFailedAsync(user);
                audit.Record(request.Email, AuditAction.SignInFailed, "api", "双因素验证码错误或缺失");
                await db.SaveChangesAsync(cancellationToken);
                return Problems.Unauthorized("A valid authenticator code ('code') is required for this account.");
            }
        }
        else if (roles.Contains(Roles.Administrator))
        {
            return Problems.Forbidden("Administrators must turn on two-factor sign-in (in the admin UI) before using the API.");
        }

        if (user.MustChangePassword)
            return Problems.Forbidden("This account's generated password must be changed first (sign in to the admin UI).");

        await users.ResetAccessFailedCountAsync(user);
        var (row, token) = tokens.Issue(user, request.Name);
        audit.Record(user.Email!, AuditAction.TokenCreate, $"user/{user.Email}", row.Name);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new TokenResponse(token, BeijingTime.ToBeijing(row.ExpiresAt)));
    }

    public static async Task<Ok<List<TokenDto>>> List(ClaimsPrincipal principal, CmsDbContext db, CancellationToken cancellationToken)
    {
        var userId = Actor.From(principal).Id;
        var rows = await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(t => new TokenDto(
            t.Id, t.Name, t.Prefix, BeijingTime.ToBeijing(t.CreatedAt), BeijingTime.ToBeijing(t.ExpiresAt),
            BeijingTime.ToBeijing(t.LastUsedAt), BeijingTime.ToBeijing(t.RevokedAt))).ToList());
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        int id, ClaimsPrincipal principal, CmsDbContext db, AuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var actor = Actor.From(principal);
        var token = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.Id == id && t.UserId == actor.Id, cancellationToken);
        if (token is null)
            return Problems.NotFound("You have no token with that id.");
        token.RevokedAt ??= time.GetUtcNow().UtcDateTime;
        audit.Record(actor, AuditAction.TokenRevoke, $"token/{id}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
