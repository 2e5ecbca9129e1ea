using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Import;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Content;

public abstract class ImportExportTests(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<TestDatabase> DatabaseAsync()
    {
        if (AppFixture.UnavailableReason(provider) is { } reason)
            Assert.Skip(reason);
        return await TestDatabase.CreateAsync(provider);
    }

    private static ContentImporter Importer(CmsDbContext db) => new(db, new ContentWriter(new MarkdownRenderer(), TimeProvider.System));

    /// <summary>Everything an item is, keyed by where it lives; equal maps mean the same content.</summary>
    private static async Task<Dictionary<string, string>> ContentOfAsync(CmsDbContext db)
    {
        var editions = await db.Editions.ToDictionaryAsync(e => e.Id, e => e.Number, Ct);
        var items = await db.ContentItems.AsNoTracking().Include(i => i.Tags).ToListAsync(Ct);
        return items.ToDictionary(
            i => $"{editions[i.EditionId]}/{i.Kind}/{i.Slug}",
            i => string.Join("|", ContentFields.From(i, editions[i.EditionId]).ToSnapshot(), i.Html,
                BeijingTime.Format(i.CreatedAt), BeijingTime.Format(i.UpdatedAt)));
    }

    [Fact]
    public async Task Export_then_import_into_an_empty_database_gives_the_same_content()
    {
        await using var source = await DatabaseAsync();
        await using var target = await DatabaseAsync();
        var folder = Path.Combine(source.DataPath, "export");

        await using (var db = source.CreateContext())
        {
            await db.Database.MigrateAsync(Ct);
            await Importer(db).ImportAsync(Repo.Content, includeSamples: true, cancellationToken: Ct);
            // Items in every state, with tags, a city, an event's times and a reprint flag.
            await TestContent.AddAsync(db, TestContent.News("a-draft", ContentState.Draft, "草稿", "测试") with { City = "420100", IsOriginal = false });
            await TestContent.AddAsync(db, TestContent.News("in-review", ContentState.Submitted));
            await TestContent.AddAsync(db, TestContent.News("approved", ContentState.Approved) with { Summary = "含 \"引号\" 与: 冒号" });
            await TestContent.AddAsync(db, TestContent.News("archived", ContentState.Archived) with { PublishedAt = new DateTime(2019, 12, 1, 2, 3, 4, DateTimeKind.Utc) });
            await TestContent.AddAsync(db, TestContent.News("an-event") with
            {
                Kind = ContentKind.Event, City = "429021", Location = "神农架林区某会场",
                StartsAt = new DateTime(2019, 12, 2, 1, 0, 0, DateTimeKind.Utc), EndsAt = new DateTime(2019, 12, 2, 4, 30, 0, DateTimeKind.Utc),
                Body = "| 列 | 值 |\n|---|---|\n| a | 1 |\n\n---\n\n正文里也有 --- 分隔线",
            });
            var exported = await new ContentExporter(db).ExportAsync(folder, Ct);
            Assert.Equal(await db.ContentItems.CountAsync(Ct), exported);
        }

        await using (var db = target.CreateContext())
        {
            await db.Database.MigrateAsync(Ct);
            var report = await Importer(db).ImportAsync(folder, includeSamples: true, cancellationToken: Ct);
            Assert.Equal(0, report.Updated);
        }

        await using var before = source.CreateContext();
        await using var after = target.CreateContext();
        var expected = await ContentOfAsync(before);
        var actual = await ContentOfAsync(after);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (key, value) in expected)
            Assert.True(value == actual[key], $"{key} differs after the round trip:\n{value}\n{actual[key]}");

        var cities = await after.Cities.OrderBy(c => c.Code).Select(c => new { c.Code, c.Name, c.Kind, c.StrongCity, c.OperationsHub }).ToListAsync(Ct);
        Assert.Equal(await before.Cities.OrderBy(c => c.Code).Select(c => new { c.Code, c.Name, c.Kind, c.StrongCity, c.OperationsHub }).ToListAsync(Ct), cities);
        var edition = await after.Editions.SingleAsync(Ct);
        Assert.True(edition.IsCurrent);
        Assert.Equal(new DateOnly(2019, 12, 12), after.CampaignTasks.Single(t => t.EditionId == edition.Id && t.Kind == PatentWeek.Cms.Data.Campaign.SubmissionKind.Report).DueOn);
    }
}

public sealed class ImportExportSqliteTests() : ImportExportTests(DatabaseProvider.Sqlite);

public sealed class ImportExportPostgresTests() : ImportExportTests(DatabaseProvider.PostgreSql);
