using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Data.Media;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Campaign.Forms;

/// <summary>An attachment as a form's check reads it: what kind of file it is and whose.</summary>
public sealed record AttachedFile(int Id, MediaKind Kind, string ContentType, string OriginalName, string? CityCode);

/// <summary>What a form's check needs to know beyond the form: the edition's dates, the event minimum, the metrics, the files it names.</summary>
public sealed record FormContext(DateOnly From, DateOnly To, int MinimumEvents, IReadOnlyList<CampaignMetric> Metrics, IReadOnlyDictionary<int, AttachedFile> Files);

/// <summary>
/// The outcome of checking a form: <see cref="Invalid"/> fields are wrong whatever happens next (a save is refused, 400);
/// <see cref="Missing"/> fields are only not there yet (a save keeps the draft, a submit is refused, 422). Fields are named
/// as the API names them (<c>events[0].date</c>, <c>metrics.participants</c>).
/// </summary>
public sealed class FormCheck
{
    public Dictionary<string, Refusal> Invalid { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Refusal> Missing { get; } = new(StringComparer.Ordinal);

    public void Refuse(string field, Refusal refusal) => Invalid.TryAdd(field, refusal);

    public void Require(string field, bool present, string? name = null)
    {
        if (!present)
            Missing.TryAdd(field, CampaignRefusals.Required(name ?? field));
    }

    public string? Text(string field, string? value, int max, bool required = false)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is { Length: var length } && length > max)
            Refuse(field, CampaignRefusals.TooLong(max));
        if (required)
            Require(field, text is not null, field[(field.LastIndexOf('.') + 1)..]);
        return text;
    }

    public void Date(string field, DateOnly? date, FormContext context)
    {
        if (date is { } day && (day < context.From || day > context.To))
            Refuse(field, CampaignRefusals.DateOutsideEdition(context.From, context.To));
    }

    public void Link(string field, string? url)
    {
        if (url is null)
            return;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
            Refuse(field, CampaignRefusals.Link());
    }

    /// <summary>A stamped scan: a PDF or an image of the library, the city's own.</summary>
    public void Scan(string field, int? id, FormContext context, string city)
    {
        if (File(field, id, context, city) is { } file && !(file.Kind == MediaKind.Image || file.ContentType == "application/pdf"))
            Refuse(field, CampaignRefusals.ScanType());
    }

    /// <summary>The editable document: a .docx (the library refuses macros at upload, so a .docx there has none).</summary>
    public void Document(string field, int? id, FormContext context, string city)
    {
        if (File(field, id, context, city) is { } file && file.ContentType != Docx)
            Refuse(field, CampaignRefusals.DocumentType());
    }

    public AttachedFile? File(string field, int? id, FormContext context, string city)
    {
        if (id is not { } value)
            return null;
        // Only the city's own uploads: another city's file, or the office's, is answered as missing (a city never learns
        // what others uploaded, and a city's paperwork carries the city's own documents).
        if (!context.Files.TryGetValue(value, out var file) || file.CityCode != city)
        {
            Refuse(field, CampaignRefusals.AttachmentMissing(value));
            return null;
        }

        return file;
    }

    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}
