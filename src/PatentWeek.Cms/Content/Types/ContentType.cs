using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Content.Types;

/// <summary>
/// What a kind of content is, declared once in <see cref="ContentTypes"/>: validation, the editor form, import and
/// export, the site's and the APIs' kind constraints and the OpenAPI enums all read it.
/// </summary>
public sealed record ContentType
{
    public required ContentKind Kind { get; init; }

    /// <summary>The Chinese name editors see (新闻, 市州亮点…).</summary>
    public required string Label { get; init; }

    /// <summary>Whether an item belongs to a city: it then needs one, and city contributors write it.</summary>
    public bool CityBound { get; init; }

    /// <summary>The declared text fields it has; the form shows these, the request and files take these.</summary>
    public IReadOnlyList<TextField> Fields { get; init; } = TextFields.Common;

    /// <summary>The public address within an edition; an edition other than the current one is put in front (<c>/12…</c>).</summary>
    public string Permalink { get; init; } = "/{kind}/{slug}";

    /// <summary>The theme template that shows one item.</summary>
    public string Template { get; init; } = "item";

    /// <summary>Whether the public site has a list page of the kind, at <c>/{kind}</c>.</summary>
    public bool HasListPage { get; init; }

    /// <summary>The heading of the kind's list and home-page block (新闻动态); the label when it has none.</summary>
    public string ListTitle { get => field ?? Label; init; }

    /// <summary>Whether the kind has a public feed (none yet).</summary>
    public bool HasFeed { get; init; }

    /// <summary>Whether an item can be cross-posted to the WeChat official account.</summary>
    public bool CanCrossPost { get; init; } = true;

    /// <summary>The lower-case name used in URLs, files and the APIs.</summary>
    public string Name => Kind.ToString().ToLowerInvariant();

    /// <summary>The request fields an item of this kind must have.</summary>
    public IReadOnlyList<string> Required => CityBound ? ["title", "city"] : ["title"];

    /// <summary>The path of an item in the current edition.</summary>
    public string PathOf(string slug) => Permalink.Replace("{kind}", Name, StringComparison.Ordinal).Replace("{slug}", Uri.EscapeDataString(slug), StringComparison.Ordinal);
}
