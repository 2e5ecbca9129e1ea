using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Accounts;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Accounts;

/// <summary>
/// <c>Authorization: Bearer pwk_…</c> for the management API. A token of a disabled or locked-out user
/// stops working at once. Use is recorded (last use, and an audit entry at most once a minute per token).
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenService tokens,
    UserManager<CmsUser> users,
    IUserClaimsPrincipalFactory<CmsUser> principals,
    CmsDbContext db,
    AuditLog audit,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();

        var token = await tokens.FindAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (token is null)
            return AuthenticateResult.Fail("The token is unknown, revoked or expired.");
        var user = await users.FindByIdAsync(token.UserId);
        if (user is null || user.DisabledAt is not null || await users.IsLockedOutAsync(user))
            return AuthenticateResult.Fail("The token's account is disabled or locked.");

        var now = time.GetUtcNow().UtcDateTime;
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            audit.Record(user.Email ?? user.Id, AuditAction.TokenUse, $"token/{token.Id}", $"请求 {Request.Method} {Request.Path}");
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        var principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        await Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Unauthorized",
            "Sign in, or send a personal access token as 'Authorization: Bearer <token>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "Your role does not allow this.");
}
