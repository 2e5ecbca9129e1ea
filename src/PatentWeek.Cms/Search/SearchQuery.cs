namespace PatentWeek.Cms.Search;

/// <summary>How one term of a query matches the indexed tokens.</summary>
public enum SearchTermKind
{
    /// <summary>One CJK character: its single-character token.</summary>
    Character,

    /// <summary>Consecutive tokens: the pairs of a CJK word (a substring match), or a quoted text's runs.</summary>
    Phrase,

    /// <summary>A Latin or digit word: every indexed word it begins.</summary>
    Prefix,
}

/// <summary>One term; a query's terms are all required (AND). <see cref="Runs"/> are what it was made of, for marking snippets.</summary>
public sealed record SearchTerm(SearchTermKind Kind, IReadOnlyList<string> Tokens, IReadOnlyList<SearchRun> Runs);

/// <summary>Why a query was refused (stable codes for the API, and the message the site shows next to the box).</summary>
public sealed record SearchRefusal(string Code, string Detail, string Message);

/// <summary>
/// A visitor's or editor's query, parsed by <see cref="SearchText"/>'s rules into terms that every provider renders
/// in its own syntax (<see cref="ToFts5"/>, <see cref="ToTsQuery"/>). Tokens hold only CJK characters, letters and
/// digits, so no operator or quote of either engine can reach it from the query: <c>" OR NEAR(</c>, <c>*</c>,
/// <c>:</c>, <c>&amp;</c>, <c>!</c> are breaks like any other punctuation.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxLength = 100;

    private SearchQuery(string text, IReadOnlyList<SearchTerm> terms)
    {
        Text = text;
        Terms = terms;
    }

    /// <summary>The query as typed (trimmed), for the box and for marking snippets.</summary>
    public string Text { get; }

    public IReadOnlyList<SearchTerm> Terms { get; }

    public static readonly SearchRefusal Empty = new("q-required", "The query 'q' is empty.", "请输入要搜索的词。");

    public static readonly SearchRefusal TooLong = new("q-too-long", $"The query 'q' is longer than {MaxLength} characters.", $"搜索词最多 {MaxLength} 个字。");

    public static readonly SearchRefusal NoWords = new("q-no-words", "The query 'q' has no letters, digits or Chinese characters.", "搜索词里没有可以查找的文字，请换一个词。");

    /// <summary>Parses a query: words are ANDed, text in "…" or “…” is a phrase; or says why there is nothing to search.</summary>
    public static bool TryParse(string? q, out SearchQuery query, out SearchRefusal? refusal)
    {
        query = new SearchQuery("", []);
        var text = q?.Trim() ?? "";
        refusal = text.Length == 0 ? Empty : text.Length > MaxLength ? TooLong : null;
        if (refusal is not null)
            return false;

        var terms = new List<SearchTerm>();
        foreach (var (part, quoted) in Parts(text))
        {
            var runs = SearchText.Runs(part);
            if (quoted && runs.Count > 1)
                terms.Add(new SearchTerm(SearchTermKind.Phrase, SearchText.Sequence(runs), runs));
            else
                terms.AddRange(runs.Select(run => Term(run, exactWord: quoted)));
        }

        var distinct = terms.DistinctBy(t => (t.Kind, string.Join(' ', t.Tokens))).ToList();
        if (distinct.Count == 0)
        {
            refusal = NoWords;
            return false;
        }
        query = new SearchQuery(text, distinct);
        return true;
    }

    /// <summary>The FTS5 MATCH expression, over every column or only the ones named (<c>{title}</c>).</summary>
    public string ToFts5(params string[] columns)
    {
        var filter = columns.Length == 0 ? "" : "{" + string.Join(' ', columns) + "} : ";
        return string.Join(" AND ", Terms.Select(t => filter + t.Kind switch
        {
            SearchTermKind.Prefix => $"\"{t.Tokens[0]}\" *",
            _ => "\"" + string.Join(' ', t.Tokens) + "\"",
        }));
    }

    /// <summary>
    /// The PostgreSQL tsquery text, cast as it is (<c>CAST(… AS tsquery)</c>: no parser, so no locale decides what a
    /// word is). A break in a phrase is the gap it leaves in the vector's positions: <c>'5g' &lt;2&gt; '专利'</c>.
    /// </summary>
    /// <remarks>
    /// With <paramref name="grams"/>, for the GIN-indexed vector, which also holds each Chinese run's three- and
    /// four-character substrings (the function <c>search_vector_grams</c>): a word of that length is then one lexeme,
    /// which the index answers without checking any vector's positions, as a phrase needs. The matches are the same.
    /// </remarks>
    public string ToTsQuery(bool grams = false) => string.Join(" & ", Terms.Select(t => t.Kind switch
    {
        SearchTermKind.Prefix => $"'{t.Tokens[0]}':*",
        _ when grams && t.Runs is [{ IsCjk: true } run] && SearchText.Characters(run.Text).Count is 3 or 4 => $"('{run.Text}')",
        _ => "(" + Phrase(t.Tokens) + ")",
    }));

    private static string Phrase(IReadOnlyList<string> tokens)
    {
        var text = new System.Text.StringBuilder();
        var distance = 1;
        foreach (var token in tokens)
        {
            if (token == SearchText.Break)
            {
                distance++;
                continue;
            }
            if (text.Length > 0)
                text.Append(distance == 1 ? " <-> " : $" <{distance.ToString(System.Globalization.CultureInfo.InvariantCulture)}> ");
            text.Append('\'').Append(token).Append('\'');
            distance = 1;
        }
        return text.ToString();
    }

    private static SearchTerm Term(SearchRun run, bool exactWord)
    {
        if (!run.IsCjk)
            return new SearchTerm(exactWord ? SearchTermKind.Phrase : SearchTermKind.Prefix, [run.Text], [run]);
        var tokens = SearchText.Sequence(run).ToList();
        return new SearchTerm(SearchText.Characters(run.Text).Count == 1 ? SearchTermKind.Character : SearchTermKind.Phrase, tokens, [run]);
    }

    /// <summary>The query cut at its quotes: text inside a pair of "…" or “…” is quoted; an unpaired quote is a break.</summary>
    private static IEnumerable<(string Text, bool Quoted)> Parts(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('"' or '“' or '”'))
                continue;
            var close = text.IndexOfAny(['"', '“', '”'], i + 1);
            if (close < 0)
                break;
            yield return (text[start..i], false);
            yield return (text[(i + 1)..close], true);
            start = close + 1;
            i = close;
        }
        if (start < text.Length)
            yield return (text[start..], false);
    }
}
