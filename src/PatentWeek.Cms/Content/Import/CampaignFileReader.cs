using System.Globalization;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Site;

namespace PatentWeek.Cms.Content.Import;

/// <summary>Checks <c>editions.yml</c> and <c>cities.yml</c> entries and turns them into entities.</summary>
public static class CampaignFileReader
{
    public const string EditionsFile = "editions.yml";
    public const string CitiesFile = "cities.yml";
    public const string SiteFile = "site.yml";

    private static readonly Dictionary<string, CityKind> CityKinds = new(StringComparer.Ordinal)
    {
        ["市"] = CityKind.City,
        ["自治州"] = CityKind.AutonomousPrefecture,
        ["直管市"] = CityKind.ProvinceAdministeredCity,
        ["林区"] = CityKind.ForestryDistrict,
    };

    public static string CityKindLabel(CityKind kind) => CityKinds.First(k => k.Value == kind).Key;

    public static Edition ToEdition(EditionEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var where = $"edition {entry.Number}";
        if (entry.Number <= 0)
            throw new ContentImportException(EditionsFile, 1, "every edition needs a positive number");
        if (string.IsNullOrWhiteSpace(entry.Slogan))
            throw new ContentImportException(EditionsFile, 1, $"{where}: slogan is required");
        var weekStart = Date(where, "weekStart", entry.WeekStart);
        return new Edition
        {
            Number = entry.Number,
            Year = entry.Year,
            Slogan = entry.Slogan.Trim(),
            WeekStart = weekStart,
            WeekEnd = Date(where, "weekEnd", entry.WeekEnd),
            // Without its own deadlines, a new edition takes the previous edition's tasks with the dates moved (the importer's
            // CampaignDefaults.Complete); with them, these.
            Tasks = entry.PlanDeadline is null && entry.ReportDeadline is null ? [] :
            [
                Task(SubmissionKind.Plan, Date(where, "planDeadline", entry.PlanDeadline), entry.PlanOpens is null ? weekStart.AddMonths(-1) : Date(where, "planOpens", entry.PlanOpens)),
                Task(SubmissionKind.Report, Date(where, "reportDeadline", entry.ReportDeadline), entry.ReportOpens is null ? weekStart : Date(where, "reportOpens", entry.ReportOpens)),
            ],
            Theme = string.IsNullOrWhiteSpace(entry.Theme) ? "default" : entry.Theme.Trim(),
            IsCurrent = entry.Current,
        };
    }

    public static City ToCity(CityEntry entry, int sortOrder)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var code = entry.Code?.Trim();
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit))
            throw new ContentImportException(CitiesFile, 1, $"city '{entry.Name}': code '{code}' is not a 6-digit GB/T 2260 code");
        if (string.IsNullOrWhiteSpace(entry.Name))
            throw new ContentImportException(CitiesFile, 1, $"city {code}: name is required");
        if (entry.Kind is null || !CityKinds.TryGetValue(entry.Kind.Trim(), out var kind))
            throw new ContentImportException(CitiesFile, 1, $"city {code}: kind must be one of {string.Join(", ", CityKinds.Keys)}");
        return new City
        {
            Code = code, Name = entry.Name.Trim(), Kind = kind, StrongCity = entry.StrongCity == true, OperationsHub = entry.OperationsHub == true, SortOrder = sortOrder,
        };
    }

    /// <summary>
    /// A task as an edition entry gives it: due on its day, open from its opening day (by default the plan a month before
    /// the week, the report from the week's first day), titled as the notice titles it. Which cities owe it (all) is
    /// filled in by the importer once the cities are known.
    /// </summary>
    private static CampaignTask Task(SubmissionKind kind, DateOnly due, DateOnly opens) => new()
    {
        Kind = kind, DueOn = due, OpensOn = opens, TitlePattern = Campaign.TitlePatterns.Default(kind),
    };

    /// <summary>The site's identity of <c>site.yml</c>, every value checked by the admin's own rule.</summary>
    public static SiteIdentityRecord ToSiteIdentity(SiteEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var record = new SiteIdentityRecord();
        var values = typeof(SiteEntry).GetProperties().ToDictionary(p => p.Name, p => p.GetValue(entry) as string);
        foreach (var field in SiteIdentityFields.All)
        {
            var value = SiteIdentityFields.Clean(values[field.Name]);
            if (SiteIdentityFields.Problem(field, value) is { } problem)
                throw new ContentImportException(SiteFile, 1, $"{field.Key} {problem.English}");
            field.Set(record, value);
        }

        return record;
    }

    private static DateOnly Date(string where, string key, string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ContentImportException(EditionsFile, 1, $"{where}: {key} '{text}' is not a date like 2019-11-30");
}
