using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Delivery;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Search;

namespace PatentWeek.Cms.Benchmarks;

/// <summary>
/// Search on a generated campaign of <c>items</c> items (default 20,000) of about 600 characters each, on one provider:
/// the CMS host is built as the product builds it (migrations, seed, start-up index), the items are written through the
/// CMS's own writer, then <c>search rebuild</c>'s indexer is timed, and every query of <see cref="Queries"/> runs through
/// <see cref="PublicSearch"/> exactly as the site and the API call it (counts per kind, the first 20 ranked, snippets),
/// each in a scope of its own as a request has. The baseline, in the same run and on the same rows, is the substring
/// scan the admin's filter was before (<c>LIKE '%…%'</c> over title, summary and body, counted, newest 20).
/// </summary>
/// <remarks>
/// The text is the repository's own campaign content (every Markdown file under <c>content/</c>) cut into clauses and
/// drawn at random with a fixed seed, with the 17 cities' names and the campaign's activity words, so a common word
/// (专利, 知识产权) is as common as in real campaign text. A few words are planted in a known number of items, which makes
/// the selective queries selective: no clause of the corpus contains them.
/// </remarks>
public static class SearchLoad
{
    private const int Warmups = 10;
    private const int Runs = 100;

    /// <summary>Words no clause of the corpus has, each planted in every <c>Every</c>-th item (from its own offset).</summary>
    private static readonly (string Word, int Every, int Offset)[] Planted =
        [("鑫", 1000, 100), ("淼鑫", 1000, 300), ("量子纠缠检测", 1000, 500), ("wipo", 1000, 700), ("5g", 50, 10)];

    /// <summary>The query table: (label, query). The same for both providers, so their counts can be compared.</summary>
    public static readonly (string Label, string Query)[] Queries =
    [
        ("1 char, common", "专"),
        ("1 char, selective", "鑫"),
        ("2 chars, common", "专利"),
        ("2 chars, selective", "淼鑫"),
        ("3+ chars, common", "知识产权"),
        ("3+ chars, selective", "量子纠缠检测"),
        ("two words, common", "专利 培训"),
        ("two words, selective", "量子纠缠检测 武汉"),
        ("Latin prefix, common", "5G"),
        ("Latin prefix, selective", "WIP"),
        ("quoted phrase, common", "“知识产权 宣传”"),
    ];

    public static async Task<int> RunAsync(string provider, int items, string? postgresAdmin)
    {
        var folder = Path.Combine(Path.GetTempPath(), "patentweek-search-bench", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var isPostgres = provider.Equals("postgres", StringComparison.OrdinalIgnoreCase);
        string? database = null;
        var args = new List<string>
        {
            "--Cms:DataPath", folder, "--Cms:ContentPath", Path.Combine(Repo.Root, "content"), "--Cms:ThemesPath", Path.Combine(Repo.Root, "themes"),
            "--Logging:LogLevel:Default", "Warning", "--environment", "Development",
        };
        try
        {
            if (isPostgres)
            {
                ArgumentException.ThrowIfNullOrEmpty(postgresAdmin, nameof(postgresAdmin));
                database = "cms_search_bench_" + Guid.NewGuid().ToString("N")[..8];
                await using (var admin = new NpgsqlConnection(postgresAdmin))
                {
                    await admin.OpenAsync();
                    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
                    await create.ExecuteNonQueryAsync();
                }
                args.AddRange(["--Cms:Database:Provider", "PostgreSql", "--ConnectionStrings:Cms", new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = database }.ConnectionString]);
            }

            var builder = WebApplication.CreateBuilder([.. args]);
            builder.AddCms();
            await using var app = builder.Build();
            app.MapCms();
            await app.InitializeCmsAsync();

            var written = Stopwatch.StartNew();
            await WriteItemsAsync(app.Services, items);
            Console.WriteLine($"{provider}: wrote {items:N0} items in {written.Elapsed.TotalSeconds:F1} s");

            var build = Stopwatch.StartNew();
            int indexed;
            await using (var scope = app.Services.CreateAsyncScope())
                indexed = await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RebuildAsync();
            build.Stop();
            await using (var scope = app.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<CmsDbContext>().Database.ExecuteSqlRawAsync(isPostgres ? "ANALYZE" : "PRAGMA optimize");
            Console.WriteLine($"{provider}: index build (search rebuild) of {indexed:N0} documents: {build.Elapsed.TotalSeconds:F1} s");

            Console.WriteLine($"| {provider} | query | results | p50 ms | p95 ms | p99 ms | LIKE baseline p50 ms | baseline ÷ search (p50) |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");
            foreach (var (label, q) in Environment.GetEnvironmentVariable("CMS_BENCH_SKIP") == "1" ? [] : Queries)
            {
                var (total, timings) = await MeasureAsync(app.Services, q);
                var (likeTotal, likeTimings) = await MeasureLikeAsync(app.Services, q);
                var p50 = Percentile(timings, 50);
                var like = Percentile(likeTimings, 50);
                // The substring scan finds what the index finds for a query of one Chinese word; say so when it differs.
                var note = likeTotal == total || q.Contains(' ', StringComparison.Ordinal) || !Regex.IsMatch(q, @"^\p{IsCJKUnifiedIdeographs}+$") ? "" : $" (LIKE found {likeTotal:N0})";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {label} | {q} | {total:N0}{note} | {p50:F2} | {Percentile(timings, 95):F2} | {Percentile(timings, 99):F2} | {like:F2} | {like / p50:F1}× |"));
                Console.WriteLine($"COUNT\t{q}\t{total}");
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            // CMS_BENCH_KEEP=1 keeps the generated database, to look at its plans afterwards.
            var keep = Environment.GetEnvironmentVariable("CMS_BENCH_KEEP") == "1";
            if (keep)
                Console.WriteLine($"kept: {database ?? folder}");
            if (database is not null && !keep)
            {
                await using var admin = new NpgsqlConnection(postgresAdmin);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
            if (!keep)
                Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The items, through the CMS's writer (Markdown rendered to the HTML the index reads), 1,000 a save.</summary>
    private static async Task WriteItemsAsync(IServiceProvider services, int count)
    {
        var random = new Random(20191130);
        var corpus = Corpus();
        var kinds = new[] { ContentKind.News, ContentKind.Story, ContentKind.Story, ContentKind.Event, ContentKind.Topic, ContentKind.Video };
        var writer = new ContentWriter(new MarkdownRenderer(), TimeProvider.System);
        var start = new DateTime(2019, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var done = 0; done < count; done += 1000)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var edition = await db.Editions.SingleAsync(e => e.IsCurrent);
            var cities = await db.Cities.Select(c => new { c.Code, c.Name }).ToListAsync();
            for (var i = done; i < Math.Min(count, done + 1000); i++)
            {
                var kind = kinds[random.Next(kinds.Length)];
                var city = cities[random.Next(cities.Count)];
                var body = new StringBuilder();
                while (body.Length < 600)
                {
                    body.Append(corpus[random.Next(corpus.Count)]).Append(random.Next(4) == 0 ? "。\n\n" : "，");
                    if (random.Next(8) == 0)
                        body.Append(city.Name).Append("举办专利").Append(Activities[random.Next(Activities.Length)]).Append("活动，");
                }
                foreach (var (word, _, _) in Planted.Where(p => i % p.Every == p.Offset))
                    body.Append("\n\n本次活动涉及").Append(word).Append('。');

                var fields = new ContentFields
                {
                    Kind = kind,
                    Edition = edition.Number,
                    Title = corpus[random.Next(corpus.Count)] is var t && t.Length > 30 ? t[..30] : t,
                    Slug = "bench-" + i.ToString(CultureInfo.InvariantCulture),
                    Summary = corpus[random.Next(corpus.Count)],
                    Body = body.ToString(),
                    City = kind is ContentKind.Story or ContentKind.Event ? city.Code : null,
                    State = random.Next(10) == 0 ? ContentState.Draft : ContentState.Published,
                    PublishedAt = start.AddMinutes(i),
                    StartsAt = kind == ContentKind.Event ? start.AddDays(29).AddMinutes(i) : null,
                };
                db.ContentItems.Add(writer.Create(fields with { PublishedAt = fields.State == ContentState.Published ? fields.PublishedAt : null }, edition, "bench"));
            }
            await db.SaveChangesAsync();
        }
    }

    private static readonly string[] Activities = ["宣讲", "培训", "对接", "展示", "交易", "咨询", "揭牌", "宣传"];

    /// <summary>The campaign content's clauses: every Markdown file's text without its front matter, cut at punctuation.</summary>
    private static List<string> Corpus()
    {
        var text = string.Join('\n', Directory.EnumerateFiles(Path.Combine(Repo.Root, "content"), "*.md", SearchOption.AllDirectories)
            .Select(File.ReadAllText).Select(t => t.StartsWith("---", StringComparison.Ordinal) && t.IndexOf("\n---", 3, StringComparison.Ordinal) is var end and > 0 ? t[(end + 4)..] : t));
        return [.. Regex.Split(text, @"[。，；、！？：\n#*>|（）()\[\]]+").Select(c => c.Trim()).Where(c => c.Length >= 4).Distinct()
            .Where(c => !Planted.Any(p => SearchText.Normalise(c).Contains(p.Word, StringComparison.Ordinal)))];
    }

    private static async Task<(int Total, List<double> Timings)> MeasureAsync(IServiceProvider services, string q)
    {
        if (!SearchQuery.TryParse(q, out var query, out var refusal))
            throw new InvalidOperationException($"'{q}': {refusal!.Code}");
        var timings = new List<double>();
        var total = 0;
        for (var run = 0; run < Warmups + Runs; run++)
        {
            var watch = Stopwatch.StartNew();
            await using var scope = services.CreateAsyncScope();
            var queries = scope.ServiceProvider.GetRequiredService<ContentQueries>();
            var edition = await queries.CurrentEditionAsync() ?? throw new InvalidOperationException("No edition.");
            var page = await scope.ServiceProvider.GetRequiredService<PublicSearch>().SearchAsync(edition, query, new ContentFilter(null, null, null, null, 1, 20));
            watch.Stop();
            total = page.Total;
            if (run >= Warmups)
                timings.Add(watch.Elapsed.TotalMilliseconds);
        }
        return (total, timings);
    }

    /// <summary>The baseline: a substring scan of the same documents for the query as typed, counted, newest 20.</summary>
    private static async Task<(int Total, List<double> Timings)> MeasureLikeAsync(IServiceProvider services, string q)
    {
        var text = q.Trim('“', '”', '"');
        var timings = new List<double>();
        var total = 0;
        for (var run = 0; run < Warmups + Runs; run++)
        {
            var watch = Stopwatch.StartNew();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var matches = db.SearchDocuments.AsNoTracking().Where(d => d.IsPublic && (d.Title.Contains(text) || d.Summary.Contains(text) || d.Body.Contains(text)));
            total = await matches.CountAsync();
            _ = await matches.OrderByDescending(d => d.PublishedAt).Take(20).Select(d => new { d.ContentItemId, d.Title }).ToListAsync();
            watch.Stop();
            if (run >= Warmups)
                timings.Add(watch.Elapsed.TotalMilliseconds);
        }
        return (total, timings);
    }

    private static double Percentile(List<double> values, int percent)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
