using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace PatentWeek.WeChat.Emulator;

/// <summary>
/// <c>/cgi-bin/token</c> and <c>/cgi-bin/stable_token</c>, as the reference describes them: /token always issues a
/// new token and supersedes the previous one after 5 minutes; stable normal mode returns the current token until
/// 5 minutes before it expires; force mode replaces it at once, at most 20 times a day and 30 s apart.
/// The two families never affect each other.
/// </summary>
internal static class TokenEndpoints
{
    public const string Classic = "token";
    public const string Stable = "stable";

    public static void Map(RouteGroupBuilder cgi)
    {
        cgi.MapGet("/token", async (HttpRequest request, EmulatorDb db, IOptions<EmulatorOptions> options, TimeProvider time) =>
        {
            var o = options.Value;
            if (request.Query["grant_type"] != "client_credential")
                return WeChatReply.Error(40002, "invalid grant_type");
            if (request.Query["appid"] != o.AppId)
                return WeChatReply.Error(40013, "invalid appid");
            if (request.Query["secret"] != o.AppSecret)
                return WeChatReply.Error(40125, "invalid appsecret");
            var token = await IssueAsync(db, Classic, o, time);
            return WeChatReply.Ok(new { access_token = token.Value, expires_in = o.TokenLifetimeSeconds });
        });

        cgi.MapPost("/stable_token", async (HttpRequest request, EmulatorDb db, IOptions<EmulatorOptions> options, TimeProvider time) =>
        {
            var o = options.Value;
            if (await WeChatReply.ReadJsonAsync(request) is not { } body)
                return WeChatReply.Error(47001, "data format error");
            if (Text(body, "grant_type") != "client_credential")
                return WeChatReply.Error(40002, "invalid grant_type");
            if (Text(body, "appid") != o.AppId)
                return WeChatReply.Error(40013, "invalid appid");
            if (Text(body, "secret") != o.AppSecret)
                return WeChatReply.Error(40125, "invalid appsecret");
            var force = body.TryGetProperty("force_refresh", out var f) && f.ValueKind == System.Text.Json.JsonValueKind.True;
            var now = time.GetUtcNow();
            var current = await db.Tokens.Where(t => t.Family == Stable && t.SupersededAt == null && !t.Revoked)
                .OrderByDescending(t => t.IssuedAt).FirstOrDefaultAsync();
            if (force)
            {
                var forcedToday = await db.Tokens.CountAsync(t => t.Family == Stable + ":forced" && t.IssuedAt > now.AddDays(-1));
                if (forcedToday >= 20)
                    return WeChatReply.Error(45009, "reach max api daily quota limit");
                if (current is not null && now - current.IssuedAt < TimeSpan.FromSeconds(30))
                    return WeChatReply.Ok(new { access_token = current.Value, expires_in = Remaining(current, now) });
                if (current is not null)
                    current.Revoked = true; // force mode kills the previous token at once
                db.Tokens.Add(new EmuToken { Value = "forced-" + Guid.NewGuid().ToString("N"), Family = Stable + ":forced", IssuedAt = now, ExpiresAt = now });
                var forced = await IssueAsync(db, Stable, o, time, supersede: false);
                return WeChatReply.Ok(new { access_token = forced.Value, expires_in = o.TokenLifetimeSeconds });
            }

            // Normal mode: the same token until 5 minutes before expiry; then a new one, the old one still working.
            if (current is not null && now < current.ExpiresAt - EmulatorAccess.Grace)
                return WeChatReply.Ok(new { access_token = current.Value, expires_in = Remaining(current, now) });
            var fresh = await IssueAsync(db, Stable, o, time);
            return WeChatReply.Ok(new { access_token = fresh.Value, expires_in = o.TokenLifetimeSeconds });
        });
    }

    private static async Task<EmuToken> IssueAsync(EmulatorDb db, string family, EmulatorOptions o, TimeProvider time, bool supersede = true)
    {
        var now = time.GetUtcNow();
        if (supersede)
        {
            await db.Tokens.Where(t => t.Family == family && t.SupersededAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.SupersededAt, now));
        }

        // Real tokens are long (store at least 512 characters); ours are 120, URL-safe.
        var token = new EmuToken
        {
            Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(90)).Replace('+', '-').Replace('/', '_'),
            Family = family,
            IssuedAt = now,
            ExpiresAt = now.AddSeconds(o.TokenLifetimeSeconds),
        };
        db.Tokens.Add(token);
        await db.SaveChangesAsync();
        return token;
    }

    private static int Remaining(EmuToken token, DateTimeOffset now) => (int)Math.Max(0, (token.ExpiresAt - now).TotalSeconds);

    private static string? Text(System.Text.Json.JsonElement body, string name) =>
        body.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() : null;
}
