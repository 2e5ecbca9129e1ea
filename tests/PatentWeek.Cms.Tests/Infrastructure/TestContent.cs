using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Outbox;

namespace PatentWeek.Cms.Tests.Infrastructure;

/// <summary>Builds items straight into a test's database through the same writer the CMS uses.</summary>
public static class TestContent
{
    public static async Task<ContentItem> AddAsync(CmsDbContext db, ContentFields fields)
    {
        ArgumentNullException.ThrowIfNull(db);
        var edition = await db.Editions.SingleAsync(e => e.Number == fields.Edition);
        var writer = new ContentWriter(new MarkdownRenderer(), TimeProvider.System);
        var item = writer.Create(fields, edition, "test");
        db.ContentItems.Add(item);
        await db.SaveChangesAsync();
        return item;
    }

    /// <summary>Adds an item through the app's own database and drops its cached public pages, as a publish would: by its event.</summary>
    public static async Task<ContentItem> AddAsync(CmsApp app, ContentFields fields)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var item = await AddAsync(db, fields);
        var events = scope.ServiceProvider.GetRequiredService<DomainEvents>();
        events.Raise(new ContentPublished(item.Id, ContentPlaces.Of(item)));
        await db.SaveChangesAsync();
        await events.RunSavedAsync();
        return item;
    }

    public static ContentFields News(string slug, ContentState state = ContentState.Published, params string[] tags) => new()
    {
        Kind = ContentKind.News,
        Edition = 13,
        Title = "测试新闻 " + slug,
        Slug = slug,
        Body = "正文",
        State = state,
        Tags = tags,
    };

    public static string UniqueSlug(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];
}
