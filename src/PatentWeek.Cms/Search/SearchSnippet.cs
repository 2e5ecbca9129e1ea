using System.Globalization;
using System.Text;

namespace PatentWeek.Cms.Search;

/// <summary>
/// The passage a result shows: the first hit of the query in a stored plain text with about <see cref="Context"/>
/// characters either side, HTML-encoded, every occurrence of a query term in it wrapped in one <c>&lt;mark&gt;</c>
/// (高价值专利 is one mark, not four pairs). Hits are found by the tokenizer's own rules, so a snippet marks exactly
/// what the index matched: a Chinese word anywhere inside a run, a Latin word by its beginning, a quoted phrase
/// across the punctuation between its words.
/// </summary>
public static class SearchSnippet
{
    /// <summary>Characters kept on each side of the first hit.</summary>
    public const int Context = 40;

    /// <summary>The snippet of the first of <paramref name="texts"/> with a hit; else the start of the first non-empty one.</summary>
    public static string For(SearchQuery query, params string?[] texts)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(texts);
        foreach (var text in texts)
        {
            if (!string.IsNullOrEmpty(text) && Of(text, query) is { } snippet)
                return snippet;
        }
        return texts.FirstOrDefault(t => !string.IsNullOrEmpty(t)) is { } lead ? Window(lead, 0, 0, []) : "";
    }

    /// <summary>The snippet around the first hit in <paramref name="text"/>, or null when the query is not in it.</summary>
    public static string? Of(string text, SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(query);
        var runs = Runs(text);
        var hits = Merge(query.Terms.SelectMany(t => Hits(runs, t)));
        return hits.Count == 0 ? null : Window(text, hits[0].Start, hits[0].End, hits);
    }

    /// <summary>A run of the text as the tokenizer sees it, with where each of its characters came from in the original.</summary>
    private sealed record Run(string Text, bool IsCjk, int[] Starts, int[] Ends)
    {
        public (int Start, int End) Span(int from, int length) => (Starts[from], Ends[from + length - 1]);
    }

    /// <summary>
    /// The runs of the original text, normalised one text element at a time (as <see cref="SearchText.Normalise"/> does
    /// the whole), so each normalised character knows the original characters it came from.
    /// </summary>
    private static List<Run> Runs(string text)
    {
        var runs = new List<Run>();
        var current = new StringBuilder();
        List<int> starts = [], ends = [];
        bool? open = null;
        void Flush()
        {
            if (current.Length > 0 && open is { } cjk)
                runs.Add(new Run(current.ToString(), cjk, [.. starts], [.. ends]));
            current.Clear();
            starts.Clear();
            ends.Clear();
            open = null;
        }

        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var start = elements.ElementIndex;
            var element = (string)elements.Current;
            var normal = element.Any(char.IsSurrogate) && !char.IsSurrogatePair(element, 0) ? " " : SearchText.Normalise(element);
            foreach (var rune in normal.EnumerateRunes())
            {
                var kind = SearchText.KindOf(rune);
                if (kind is null || (open is { } o && o != kind))
                    Flush();
                if (kind is null)
                    continue;
                open = kind;
                var piece = rune.ToString();
                current.Append(piece);
                for (var i = 0; i < piece.Length; i++)
                {
                    starts.Add(start);
                    ends.Add(start + element.Length);
                }
            }
        }
        Flush();
        return runs;
    }

    /// <summary>Where a term matches: the original spans of its occurrences.</summary>
    private static IEnumerable<(int Start, int End)> Hits(List<Run> runs, SearchTerm term)
    {
        var parts = term.Runs;
        if (parts.Count == 1)
        {
            var part = parts[0];
            foreach (var run in runs.Where(r => r.IsCjk == part.IsCjk))
            {
                if (!part.IsCjk)
                {
                    // A Latin word: by its beginning, or whole when it was quoted.
                    if (term.Kind == SearchTermKind.Prefix ? run.Text.StartsWith(part.Text, StringComparison.Ordinal) : run.Text == part.Text)
                        yield return run.Span(0, part.Text.Length);
                    continue;
                }
                for (var at = run.Text.IndexOf(part.Text, StringComparison.Ordinal); at >= 0; at = run.Text.IndexOf(part.Text, at + part.Text.Length, StringComparison.Ordinal))
                    yield return run.Span(at, part.Text.Length);
            }
            yield break;
        }

        // A phrase of several runs: consecutive runs of the text, the first ending as the phrase begins, the last beginning
        // as it ends, those between equal (a one-character run, or a Latin word, is itself a token: equal wherever it is).
        for (var first = 0; first + parts.Count <= runs.Count; first++)
        {
            var matched = true;
            for (var k = 0; k < parts.Count && matched; k++)
            {
                var (part, run) = (parts[k], runs[first + k]);
                var whole = !part.IsCjk || part.Text.EnumerateRunes().Count() == 1 || (k > 0 && k < parts.Count - 1);
                matched = part.IsCjk == run.IsCjk && (whole ? run.Text == part.Text
                    : k == 0 ? run.Text.EndsWith(part.Text, StringComparison.Ordinal) : run.Text.StartsWith(part.Text, StringComparison.Ordinal));
            }
            if (!matched)
                continue;
            var (head, tail) = (runs[first], runs[first + parts.Count - 1]);
            yield return (head.Span(head.Text.Length - parts[0].Text.Length, parts[0].Text.Length).Start, tail.Span(0, parts[^1].Text.Length).End);
        }
    }

    /// <summary>Hits in text order, overlapping or touching ones joined into one.</summary>
    private static List<(int Start, int End)> Merge(IEnumerable<(int Start, int End)> hits)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var hit in hits.OrderBy(h => h.Start).ThenByDescending(h => h.End))
        {
            if (merged.Count > 0 && hit.Start <= merged[^1].End)
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, hit.End));
            else
                merged.Add(hit);
        }
        return merged;
    }

    /// <summary>The text from <see cref="Context"/> characters before the hit to as many after it, encoded, with its marks.</summary>
    private static string Window(string text, int hitStart, int hitEnd, List<(int Start, int End)> hits)
    {
        var start = Boundary(text, Math.Max(0, hitStart - Context));
        var end = Boundary(text, Math.Min(text.Length, hitEnd + Context + (hits.Count == 0 ? Context : 0)));
        var html = new StringBuilder(start > 0 ? "…" : "");
        var at = start;
        foreach (var (s, e) in hits.Where(h => h.End > start && h.Start < end))
        {
            var (from, to) = (Math.Max(s, start), Math.Min(e, end));
            html.Append(Encode(text[at..from])).Append("<mark>").Append(Encode(text[from..to])).Append("</mark>");
            at = to;
        }
        html.Append(Encode(text[at..end]));
        if (end < text.Length)
            html.Append('…');
        return html.ToString();
    }

    /// <summary>
    /// HTML-encoded (the five characters that mean something in HTML; the rest as they are, so Chinese and characters
    /// outside the BMP stay readable in the API's JSON), without controls and bidirectional overrides: a snippet sits
    /// inside a result's line, and an RTL override pasted into an item must not turn the rest of that line around.
    /// </summary>
    private static string Encode(string text)
    {
        var html = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '"' => html.Append("&quot;"),
                '\'' => html.Append("&#39;"),
                _ when char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') => html,
                _ => html.Append(c),
            };
        }
        return html.ToString();
    }

    /// <summary>A cut point that does not split a surrogate pair.</summary>
    private static int Boundary(string text, int at) =>
        at > 0 && at < text.Length && char.IsLowSurrogate(text[at]) && char.IsHighSurrogate(text[at - 1]) ? at - 1 : at;
}
