using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Site;

using PatentWeek.Cms.Outbox;

namespace PatentWeek.Cms.Content.Import;

/// <summary>
/// Loads a content folder (<c>editions.yml</c>, <c>cities.yml</c>, Markdown files) into the database.
/// Every file is read and checked before anything is written, and everything is written in one
/// transaction, so a bad file imports nothing. Running it again on the same files changes nothing;
/// a file edited since its last import updates its item and adds a revision.
/// </summary>
public sealed class ContentImporter(CmsDbContext db, ContentWriter writer, TimeProvider? time = null, ContentMedia? media = null, DomainEvents? events = null)
{
    /// <summary>The <see cref="Revision.CreatedBy"/> of saves made by the importer.</summary>
    public const string ImportUser = "import";

    private const string SamplesFolder = "samples";

    /// <param name="asSeed">
    /// The start-up seed: it adds what is missing and follows edited files only on items it wrote itself and
    /// nobody edited since. An explicit import (false) makes the items equal to the files.
    /// </param>
    public async Task<ImportReport> ImportAsync(string folder, bool includeSamples, bool asSeed = false, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
            throw new ContentImportException(folder, 0, "the content folder does not exist");

        var editions = await db.Editions.ToDictionaryAsync(e => e.Number, cancellationToken);
        var newEditions = ReadList<EditionEntry>(folder, CampaignFileReader.EditionsFile)
            .Select(CampaignFileReader.ToEdition)
            .Where(e => !editions.ContainsKey(e.Number))
            .ToList();
        foreach (var edition in newEditions)
            editions.Add(edition.Number, edition);

        var cityCodes = (await db.Cities.Select(c => c.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var newCities = ReadList<CityEntry>(folder, CampaignFileReader.CitiesFile)
            .Select((entry, i) => CampaignFileReader.ToCity(entry, i + 1))
            .Where(c => cityCodes.Add(c.Code))
            .ToList();

        var identity = ReadOne<SiteEntry>(folder, CampaignFileReader.SiteFile) is { } site ? CampaignFileReader.ToSiteIdentity(site) : null;

        var files = await WithMediaAsync(folder, ReadItems(folder, includeSamples, editions.ToDictionary(e => e.Key, e => e.Value.WeekStart), cityCodes), cancellationToken);

        // A new edition's tasks are owed by every city, and its report asks for the default metrics.
        var allCities = (await db.Cities.OrderBy(c => c.SortOrder).Select(c => c.Code).ToListAsync(cancellationToken)).Concat(newCities.Select(c => c.Code)).Distinct().ToList();
        var known = await db.Editions.Include(e => e.Tasks).Include(e => e.Metrics).ToListAsync(cancellationToken);
        foreach (var edition in newEditions.OrderBy(e => e.Number))
        {
            var previous = known.Concat(newEditions).Where(e => e.Number < edition.Number).MaxBy(e => e.Number);
            Campaign.CampaignDefaults.Complete(edition, allCities, previous);
        }
        db.Editions.AddRange(newEditions);
        db.Cities.AddRange(newCities);
        if (newEditions.Any(e => e.IsCurrent))
            await db.Editions.Where(e => e.IsCurrent).ForEachAsync(e => e.IsCurrent = false, cancellationToken);

        if (identity is not null)
            await ImportSiteIdentityAsync(identity, asSeed, cancellationToken);
        var (created, updated, unchanged) = await UpsertAsync(files, editions, asSeed, cancellationToken);
        // The public site learns of it like of a publish: through the outbox, in this transaction (a command-line import
        // into a running site's database reaches the site's dispatcher too).
        var changed = created + updated + newEditions.Count + newCities.Count > 0 || db.ChangeTracker.HasChanges();
        if (changed)
            events?.Raise(new ContentImported(created, updated));
        await db.SaveChangesAsync(cancellationToken);
        if (changed && events is not null)
            await events.RunSavedAsync();
        return new ImportReport(created, updated, unchanged, newEditions.Count, newCities.Count);
    }

    private async Task<(int Created, int Updated, int Unchanged)> UpsertAsync(
        List<ImportedItem> files, Dictionary<int, Edition> editions, bool asSeed, CancellationToken cancellationToken)
    {
        var editionIds = editions.Values.Where(e => e.Id != 0).Select(e => e.Id).ToList();
        var existing = await db.ContentItems
            .Include(i => i.Tags).Include(i => i.Media)
            .Where(i => editionIds.Contains(i.EditionId))
            .ToListAsync(cancellationToken);
        var byKey = existing.ToDictionary(i => (i.EditionId, i.Kind, i.Slug));

        int created = 0, updated = 0, unchanged = 0;
        foreach (var file in files)
        {
            var edition = editions[file.Fields.Edition];
            if (!byKey.TryGetValue((edition.Id, file.Fields.Kind, file.Fields.Slug), out var item))
            {
                item = writer.Create(file.Fields, edition, ImportUser, file.CreatedAt);
                item.UpdatedAt = file.UpdatedAt ?? item.UpdatedAt;
                MarkSeeded(item, asSeed ? file.File.Hash : null);
                db.ContentItems.Add(item);
                created++;
                continue;
            }

            var seedMayUpdate = item.ImportedHash is not null && item.ImportedHash != file.File.Hash && item.Version == item.ImportedVersion;
            if ((asSeed && !seedMayUpdate)
                || ContentFields.From(item, edition.Number).ToSnapshot() == file.Fields.ToSnapshot())
            {
                unchanged++;
                continue;
            }

            writer.Apply(item, file.Fields, ImportUser, file.UpdatedAt);
            MarkSeeded(item, asSeed ? file.File.Hash : null);
            updated++;
        }

        return (created, updated, unchanged);
    }

    /// <summary>
    /// A cover named by path becomes the library address of that file. The media are stored before the items (each in
    /// its own upload's transaction); a failing import leaves them in the library, where the next import finds them.
    /// </summary>
    private async Task<List<ImportedItem>> WithMediaAsync(string folder, List<ImportedItem> files, CancellationToken cancellationToken)
    {
        for (var i = 0; i < files.Count; i++)
        {
            var (file, fields) = (files[i].File, files[i].Fields);
            if (!ContentMedia.IsPath(fields.Cover))
                continue;
            // An importer made without the media library (a bare one over a database alone) cannot store the file:
            // the item comes without its cover. The application's importer (start-up seed, CLI) always has it.
            var address = media is null ? null : await media.AddressOfAsync(folder, file, "cover", fields.Cover!, fields.Title, cancellationToken);
            files[i] = files[i] with { Fields = fields with { Cover = address } };
        }

        return files;
    }

    private static void MarkSeeded(ContentItem item, string? hash)
    {
        item.ImportedHash = hash;
        item.ImportedVersion = hash is null ? null : item.Version;
    }

    private static List<ImportedItem> ReadItems(
        string folder, bool includeSamples, Dictionary<int, DateOnly> editionWeekStarts, IReadOnlySet<string> cityCodes)
    {
        var items = new List<ImportedItem>();
        var seen = new Dictionary<(int, ContentKind, string), string>();
        var paths = Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(folder, p).Replace('\\', '/'))
            .Where(p => !p.Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Where(p => includeSamples || !p.StartsWith(SamplesFolder + "/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var file = ContentFileParser.Parse(path, File.ReadAllText(Path.Combine(folder, path)));
            var item = ContentFileReader.Read(file, editionWeekStarts, cityCodes);
            if (item.Fields.IsSample && !includeSamples)
                continue;
            var key = (item.Fields.Edition, item.Fields.Kind, item.Fields.Slug);
            if (!seen.TryAdd(key, path))
                throw file.Error("slug", $"slug '{item.Fields.Slug}' is already used by {seen[key]} for the same edition and kind");
            items.Add(item);
        }

        return items;
    }

    /// <summary>
    /// The site's identity follows the file until an administrator saves it in the admin; from then on the seed leaves
    /// it alone (an explicit import still makes it equal to the file, as it does items).
    /// </summary>
    private async Task ImportSiteIdentityAsync(SiteIdentityRecord fromFile, bool asSeed, CancellationToken cancellationToken)
    {
        var row = await db.SiteIdentity.FirstOrDefaultAsync(s => s.Id == SiteIdentityRecord.SingleRow, cancellationToken);
        if (row is null)
            db.SiteIdentity.Add(row = new SiteIdentityRecord());
        else if (asSeed && row.EditedByAdministrator)
            return;
        var changed = false;
        foreach (var field in SiteIdentityFields.All.Where(f => f.Get(row) != f.Get(fromFile)))
        {
            field.Set(row, field.Get(fromFile));
            changed = true;
        }

        if (!changed && row.UpdatedBy is not null)
            return;
        row.UpdatedAt = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        row.UpdatedBy = SiteIdentityRecord.ImportUser;
    }

    private static T? ReadOne<T>(string folder, string name)
        where T : class
    {
        var path = Path.Combine(folder, name);
        return File.Exists(path) ? ContentFileParser.ParseOne<T>(name, File.ReadAllText(path)) : null;
    }

    private static List<T> ReadList<T>(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        return File.Exists(path) ? ContentFileParser.ParseList<T>(name, File.ReadAllText(path)) : [];
    }
}
