using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Infrastructure;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PatentWeek.Cms.Content.Import;

/// <summary>
/// Writes every item, in every state, as the same kind of files the importer reads:
/// <c>editions.yml</c>, <c>cities.yml</c> and <c>{edition}/{kind}/{slug}.md</c>, times included,
/// so export followed by import gives the same content.
/// </summary>
public sealed class ContentExporter(CmsDbContext db)
{
    private static readonly ISerializer Yaml = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .Build();

    public async Task<int> ExportAsync(string folder, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var editions = await db.Editions.AsNoTracking().Include(e => e.Tasks).OrderBy(e => e.Number).ToListAsync(cancellationToken);
        await WriteAsync(Path.Combine(folder, CampaignFileReader.EditionsFile), Yaml.Serialize(editions.Select(e => new EditionEntry
        {
            Number = e.Number,
            Year = e.Year,
            Slogan = e.Slogan,
            WeekStart = Date(e.WeekStart),
            WeekEnd = Date(e.WeekEnd),
            PlanDeadline = Date(e.Tasks.FirstOrDefault(t => t.Kind == Data.Campaign.SubmissionKind.Plan)?.DueOn),
            PlanOpens = Date(e.Tasks.FirstOrDefault(t => t.Kind == Data.Campaign.SubmissionKind.Plan)?.OpensOn),
            ReportDeadline = Date(e.Tasks.FirstOrDefault(t => t.Kind == Data.Campaign.SubmissionKind.Report)?.DueOn),
            ReportOpens = Date(e.Tasks.FirstOrDefault(t => t.Kind == Data.Campaign.SubmissionKind.Report)?.OpensOn),
            Theme = e.Theme,
            Current = e.IsCurrent,
        })), cancellationToken);

        var cities = await db.Cities.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        await WriteAsync(Path.Combine(folder, CampaignFileReader.CitiesFile), Yaml.Serialize(cities.Select(c => new CityEntry
        {
            Code = c.Code,
            Name = c.Name,
            Kind = CampaignFileReader.CityKindLabel(c.Kind),
            StrongCity = c.StrongCity ? true : null,
            OperationsHub = c.OperationsHub ? true : null,
        })), cancellationToken);

        var numbers = editions.ToDictionary(e => e.Id, e => e.Number);
        var items = await db.ContentItems.AsNoTracking().Include(i => i.Tags).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        foreach (var item in items)
        {
            var edition = numbers[item.EditionId];
            var fields = ContentFields.From(item, edition);
            var frontMatter = new FrontMatter
            {
                Kind = item.Kind.ToName(),
                Edition = edition,
                Title = fields.Title,
                Slug = fields.Slug,
                City = fields.City,
                Tags = fields.Tags.Count > 0 ? [.. fields.Tags] : null,
                Original = fields.IsOriginal,
                Pinned = fields.IsPinned,
                Sample = fields.IsSample ? true : null,
                State = fields.State.ToName(),
                PublishedAt = Time(fields.PublishedAt),
                StartsAt = Time(fields.StartsAt),
                EndsAt = Time(fields.EndsAt),
                CreatedAt = Time(item.CreatedAt),
                UpdatedAt = Time(item.UpdatedAt),
            };
            foreach (var field in TextFields.All)
                field.WriteFile(frontMatter, fields.Texts[field]);
            var path = Path.Combine(folder, edition.ToString(CultureInfo.InvariantCulture), item.Kind.ToName(), item.Slug + ".md");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await WriteAsync(path, $"---\n{Yaml.Serialize(frontMatter)}---\n{fields.Body}\n", cancellationToken);
        }

        return items.Count;
    }

    private static Task WriteAsync(string path, string text, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Time(DateTime? utc) => utc is { } t ? BeijingTime.Format(t) : null;
}
