using PatentWeek.Cms.Data.Campaign;

namespace PatentWeek.Cms.Delivery.Published;

/// <summary>What the public can see, at one moment: the editions, the cities and every edition's published items.</summary>
public sealed class PublishedSnapshot(
    IReadOnlyList<Edition> editions, IReadOnlyList<CityDto> cities, IReadOnlyDictionary<int, PublishedEdition> content, long generation, DateTimeOffset builtAt)
{
    /// <summary>The editions, the current one first, then the newest.</summary>
    public IReadOnlyList<Edition> Editions { get; } = editions;

    public IReadOnlyList<CityDto> Cities { get; } = cities;

    internal long Generation { get; } = generation;

    internal DateTimeOffset BuiltAt { get; } = builtAt;

    public Edition? Current => Editions.Count > 0 ? Editions[0] : null;

    public Edition? Edition(int number) => Editions.FirstOrDefault(e => e.Number == number);

    /// <summary>The published content of an edition (empty for an edition the snapshot does not know).</summary>
    public PublishedEdition Of(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        return content.TryGetValue(edition.Id, out var published) ? published : new PublishedEdition(edition, [], []);
    }
}
