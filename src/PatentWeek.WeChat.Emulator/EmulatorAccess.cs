using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace PatentWeek.WeChat.Emulator;

/// <summary>
/// What WeChat checks before any business call: the access token (41001 missing, 40014 unknown, 42001 expired,
/// 40001 superseded past its 5-minute grace or revoked), the account's right to the API (48001 when unverified)
/// and the path's daily quota (45009).
/// </summary>
internal sealed class EmulatorAccess(EmulatorDb db, IOptions<EmulatorOptions> options, TimeProvider time)
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    public async Task CheckAsync(HttpRequest request, string path)
    {
        var value = request.Query["access_token"].ToString();
        if (value.Length == 0)
            throw new WeChatFault(41001, "access_token missing");
        var token = await db.Tokens.FirstOrDefaultAsync(t => t.Value == value) ?? throw new WeChatFault(40014, "invalid access_token");
        var now = time.GetUtcNow();
        // A token past its time is "expired" even if a newer one replaced it; one replaced early is "not latest".
        if (token.Revoked)
            throw new WeChatFault(40001, "invalid credential, access_token is invalid or not latest");
        if (now >= token.ExpiresAt)
            throw new WeChatFault(42001, "access_token expired");
        if (token.SupersededAt is { } replaced && now > replaced + Grace)
            throw new WeChatFault(40001, "invalid credential, access_token is invalid or not latest");
        AccountConditions.RequireVerified(options.Value, path);
        await CountAsync(path);
    }

    /// <summary>Counts a call against the path's quota for today (Beijing day, as WeChat's counters reset).</summary>
    public async Task CountAsync(string path)
    {
        var day = Today(time);
        var quota = await db.Quotas.FirstOrDefaultAsync(q => q.Path == path && q.Day == day);
        if (quota is null)
        {
            quota = new EmuQuota { Path = path, Day = day };
            db.Quotas.Add(quota);
        }

        if (quota.Used >= options.Value.DailyQuota)
            throw new WeChatFault(45009, "reach max api daily quota limit");
        quota.Used++;
        await db.SaveChangesAsync();
    }

    /// <summary>The quota day: WeChat's counters reset at midnight Beijing time.</summary>
    public static string Today(TimeProvider time) =>
        time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
