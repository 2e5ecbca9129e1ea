using System.Text;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Data.WeChat;
using PatentWeek.Cms.Delivery;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Media;
using PatentWeek.Cms.Outbox;
using PatentWeek.WeChat.Push;

namespace PatentWeek.Cms.WeChat;

/// <summary>
/// The account's server URL (<c>/wechat/callback</c>): the URL check, and pushes in plain and secure mode. A push
/// whose signature, timestamp (±300 s) or nonce does not pass gets 401 and nothing else happens; a delivery already
/// handled (WeChat retries after 5 s) is answered <c>success</c> without being handled twice.
/// </summary>
public static partial class WeChatCallback
{
    public const string Path = "/wechat/callback";
    private const int MaxBody = 256 * 1024;

    public static IEndpointRouteBuilder MapWeChatCallback(this IEndpointRouteBuilder app)
    {
        var callback = app.MapGroup(Path).ExcludeFromDescription().AllowAnonymous();
        callback.MapGet("/", VerifyAsync);
        callback.MapPost("/", ReceiveAsync);
        return app;
    }

    private static async Task<IResult> VerifyAsync(HttpRequest request, WeChatAccounts accounts, CmsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var account = await accounts.CurrentAsync(cancellationToken);
        var query = Query(request);
        var echo = account.CanReceive ? accounts.Receiver(account).VerifyUrl(query) : null;
        if (echo is null)
            return Results.Problem("The signature does not match.", statusCode: 401, title: "Unauthorized");
        // The same replay guard as a push: a signed URL check is answered once; a copy of it replayed within the
        // window learns nothing (the timestamp check bounds the window, the delivery record the repeats).
        if (!await FirstDeliveryAsync(db, $"verify|{query.Timestamp}|{query.Nonce}", time, cancellationToken))
            return Results.Problem("The URL check's nonce was already used (a replay).", statusCode: 401, title: "Unauthorized");
        return Results.Text(echo, "text/plain");
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request, WeChatAccounts accounts, CmsDbContext db, PublicUrls urls, TimeProvider time, ILogger<WeChatAccounts> logger,
        CancellationToken cancellationToken)
    {
        var account = await accounts.CurrentAsync(cancellationToken);
        if (!account.CanReceive)
            return Results.Problem("No WeChat account is configured.", statusCode: 401, title: "Unauthorized");
        // The query's signature covers no body: check it before reading one, so strangers cost us nothing.
        var query = Query(request);
        if (query.Timestamp is null || query.Nonce is null || !WeChatSignature.Matches(query.Signature, account.Token!, query.Timestamp, query.Nonce))
            return Results.Problem("The push did not pass the signature check.", statusCode: 401, title: "Unauthorized");
        if (request.ContentLength > MaxBody)
            return Results.Problem("The push is too large.", statusCode: 413, title: "Too large");
        var body = await ReadAsync(request, cancellationToken);
        if (body is null)
            return Results.Problem("The push is too large.", statusCode: 413, title: "Too large");

        var receiver = accounts.Receiver(account);
        PushMessage message;
        try
        {
            message = receiver.Read(query, body);
        }
        catch (WeChatCryptoException e)
        {
            LogRefused(logger, e.Code, e.Message);
            return Results.Problem("The push did not pass the signature, time or replay checks.", statusCode: 401, title: "Unauthorized");
        }

        if (!await FirstDeliveryAsync(db, message.DeliveryKey, time, cancellationToken))
            return Results.Text("success", "text/plain");

        var reply = await HandleAsync(message, db, urls, time, cancellationToken);
        if (reply is null)
            return Results.Text("success", "text/plain");
        var secure = string.Equals(query.EncryptType, "aes", StringComparison.OrdinalIgnoreCase);
        return Results.Text(receiver.Reply(reply, secure), "application/xml", Encoding.UTF8);
    }

    private static async Task<string?> HandleAsync(PushMessage message, CmsDbContext db, PublicUrls urls, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (message is { MsgType: "event", Event: "PUBLISHJOBFINISH" })
        {
            await KickAsync(message, db, now.UtcDateTime, cancellationToken);
            return null;
        }

        if (message is { MsgType: "event", Event: "subscribe" })
            return PushReplies.Text(message, await HelpAsync(db, cancellationToken), now);
        if (message.MsgType != "text")
            return null;

        var text = (message.Content ?? "").Trim();
        if (text is "帮助" or "help" or "?" or "？")
            return PushReplies.Text(message, await HelpAsync(db, cancellationToken), now);
        var cities = await db.Cities.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        var city = text.Length >= 2 ? cities.FirstOrDefault(c => c.Name == text || c.Name.StartsWith(text, StringComparison.Ordinal)) : null;
        if (city is null)
            return PushReplies.Text(message, "感谢关注中国专利周！回复城市名（如“武汉”）查看该市的专利周活动，回复“帮助”查看全部关键词。", now);

        var stories = await db.ContentItems.AsNoTracking().Include(i => i.Edition)
            .Where(i => i.CityCode == city.Code && i.State == ContentState.Published && i.DeletedAt == null)
            .OrderByDescending(i => i.Kind == ContentKind.Story).ThenByDescending(i => i.PublishedAt).Take(5).ToListAsync(cancellationToken);
        if (stories.Count == 0)
            return PushReplies.Text(message, $"{city.Name}的专利周活动正在筹备中，敬请关注。", now);
        var pictures = await PicturesAsync(db, stories, cancellationToken);
        var fallback = urls.Absolute($"/themes/{ThemeOf(stories[0])}/assets/wechat-cover.jpg");
        var articles = stories.Select(s => new NewsReplyArticle(
            s.Title, s.Summary ?? "", pictures.GetValueOrDefault(s.Id) is { } p ? urls.Absolute(p) : fallback,
            urls.Absolute(ContentQueries.Url(s.Edition, s.Kind, s.Slug)))).ToList();
        return PushReplies.News(message, articles, now);
    }

    private static string ThemeOf(ContentItem item) => item.Edition.Theme;

    /// <summary>The card crop of each item's cover, where it has one.</summary>
    private static async Task<Dictionary<int, string>> PicturesAsync(CmsDbContext db, List<ContentItem> items, CancellationToken cancellationToken)
    {
        var ids = items.Select(i => MediaReferences.IdOf(i.Cover)).OfType<int>().ToList();
        var assets = await db.MediaAssets.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var result = new Dictionary<int, string>();
        foreach (var item in items)
        {
            if (MediaReferences.IdOf(item.Cover) is { } id && MediaPictures.Picture(assets.GetValueOrDefault(id)) is { } picture)
                result[item.Id] = picture.Card?.Src ?? picture.Src;
        }

        return result;
    }

    private static async Task<string> HelpAsync(CmsDbContext db, CancellationToken cancellationToken)
    {
        var names = await db.Cities.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => c.Name).ToListAsync(cancellationToken);
        return "回复以下城市名，查看该市专利周的最新活动：\n" + string.Join("、", names) + "\n回复“帮助”再看这份列表。";
    }

    /// <summary>A publish result wakes the post's waiting job; the job reads the result itself (freepublish/get).</summary>
    private static async Task KickAsync(PushMessage message, CmsDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var publishId = message.Xml.Element("PublishEventInfo")?.Element("publish_id")?.Value;
        var posts = await db.WeChatPosts.AsNoTracking()
            .Where(p => p.Status == WeChatPostStatus.Publishing && (p.PublishId == publishId || p.PublishId == null))
            .Select(p => p.Id).ToListAsync(cancellationToken);
        foreach (var id in posts)
            await db.OutboxMessages.KickAsync(CrossPostJob.Type, CrossPostJob.KeyOf(id), now, cancellationToken);
    }

    /// <summary>Records the delivery; false when it was handled before (a retry, or the same push twice at once).</summary>
    private static async Task<bool> FirstDeliveryAsync(CmsDbContext db, string key, TimeProvider time, CancellationToken cancellationToken)
    {
        key = key.Length > 200 ? key[..200] : key;
        if (await db.WeChatDeliveries.AnyAsync(d => d.Key == key, cancellationToken))
            return false;
        // WeChat retries within seconds; a day of memory is plenty, and the table stays small.
        var now = time.GetUtcNow().UtcDateTime;
        await db.WeChatDeliveries.Where(d => d.ReceivedAt < now.AddDays(-1)).ExecuteDeleteAsync(cancellationToken);
        db.WeChatDeliveries.Add(new WeChatDelivery { Key = key, ReceivedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    private static PushQuery Query(HttpRequest request)
    {
        var q = request.Query;
        return new PushQuery(q["signature"], q["timestamp"], q["nonce"], q["echostr"], q["encrypt_type"], q["msg_signature"]);
    }

    private static async Task<string?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxBody + 1];
        var total = 0;
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxBody)
                return null;
        }

        return new string(buffer, 0, total);
    }

    [LoggerMessage(LogLevel.Warning, "WeChat push refused ({Code}): {Reason}")]
    private static partial void LogRefused(ILogger logger, int code, string reason);
}
