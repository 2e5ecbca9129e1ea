using System.Collections.Concurrent;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Delivery.Published;

/// <summary>
/// One edition's published items, ordered once when the read model is built: newest first (as every list but the
/// events' reads them), and the events by when they take place. Filtering keeps that order, so a list is a scan.
/// </summary>
public sealed class PublishedEdition
{
    private readonly Dictionary<(ContentKind Kind, string Slug), PublishedEntry> _bySlug;
    private readonly Dictionary<(ContentKind Kind, string Slug), string> _renamed;
    private readonly Dictionary<int, PublishedEntry> _byId;

    public PublishedEdition(Edition edition, IEnumerable<PublishedEntry> entries, IEnumerable<(ContentKind Kind, string OldSlug, string Slug)> renamed)
    {
        ArgumentNullException.ThrowIfNull(edition);
        Edition = edition;
        Newest = [.. entries.OrderByDescending(e => e.PublishedAtUtc).ThenByDescending(e => e.Id)];
        Events = [.. Newest.Where(e => e.Kind == ContentKind.Event).OrderBy(e => e.StartsAtUtc == null).ThenBy(e => e.StartsAtUtc).ThenBy(e => e.Id)];
        _bySlug = Newest.ToDictionary(e => (e.Kind, e.Summary.Slug));
        _byId = Newest.ToDictionary(e => e.Id);
        _renamed = [];
        foreach (var (kind, oldSlug, slug) in renamed)
            _renamed.TryAdd((kind, oldSlug), slug);
    }

    public Edition Edition { get; }

    /// <summary>Every published item, newest first (then by id, newest first), as the lists show them.</summary>
    public IReadOnlyList<PublishedEntry> Newest { get; }

    /// <summary>The published events in the order they take place (undated last).</summary>
    public IReadOnlyList<PublishedEntry> Events { get; }

    /// <summary>Whole items, read from the database once per read model when first asked for.</summary>
    internal ConcurrentDictionary<int, ContentDto> Items { get; } = new();

    public PublishedEntry? Find(ContentKind kind, string slug) => _bySlug.GetValueOrDefault((kind, slug));

    /// <summary>The published item with this id, or null (search finds items by id).</summary>
    public PublishedEntry? Find(int id) => _byId.GetValueOrDefault(id);

    /// <summary>The current slug of a published item that once had <paramref name="oldSlug"/>, or null.</summary>
    public string? RenamedTo(ContentKind kind, string oldSlug) =>
        _renamed.TryGetValue((kind, oldSlug), out var slug) && _bySlug.ContainsKey((kind, slug)) ? slug : null;
}
