using System.Text;

namespace PatentWeek.Cms.Search;

/// <summary>A stretch of one kind of text after normalising: Chinese (and other CJK) characters, or one Latin/digit word.</summary>
public readonly record struct SearchRun(string Text, bool IsCjk);

/// <summary>
/// The one tokenizer of search, used to index and to query, so both agree on what a word is. Text is normalised
/// (NFKC, lower case; punctuation, symbols, controls and invalid UTF-16 become breaks), then cut into runs:
/// a CJK run is indexed as its overlapping two-character pairs (知识产权 → 知识 识产 产权) and, separately, as its
/// single characters; a Latin or digit run is one word. No engine's tokenizer does this for Chinese (SQLite's
/// trigram misses two-character words; PostgreSQL's parser has no Chinese), so each index is given these tokens
/// as plain space-separated words, which SQLite's <c>unicode61</c> and PostgreSQL's <c>simple</c> configuration
/// take as they are.
/// </summary>
public static class SearchText
{
    /// <summary>
    /// Stands between two runs in the indexed sequence, so the last pair of one run and the first of the next are not
    /// adjacent: "高价，值专" must not match the phrase 高价值专. A private-use character: SQLite's <c>unicode61</c>
    /// keeps it as a token, no query can contain it (the tokenizer breaks on it) and so no prefix query reaches it;
    /// PostgreSQL's vector leaves it out and keeps the gap in the positions instead.
    /// </summary>
    public const string Break = "\uE000";

    /// <summary>A Latin word longer than this is cut (a pasted hash or URL is not a word anyone searches for whole).</summary>
    public const int MaxWordLength = 64;

    /// <summary>The runs of a text, in order.</summary>
    public static List<SearchRun> Runs(string? text)
    {
        var runs = new List<SearchRun>();
        if (string.IsNullOrEmpty(text))
            return runs;
        var normal = Normalise(text);
        var current = new StringBuilder();
        bool? cjk = null;
        void Flush()
        {
            if (current.Length > 0 && cjk is { } isCjk)
                runs.Add(new SearchRun(isCjk ? current.ToString() : Cut(current.ToString()), isCjk));
            current.Clear();
            cjk = null;
        }

        foreach (var rune in normal.EnumerateRunes())
        {
            var kind = KindOf(rune);
            if (kind is null)
            {
                Flush();
                continue;
            }
            if (cjk is { } open && open != kind)
                Flush();
            cjk = kind;
            current.Append(rune.ToString());
        }
        Flush();
        return runs;
    }

    /// <summary>
    /// What an index stores for a text: the runs' tokens in order (pairs of a CJK run, the character of a one-character
    /// run, each word), <see cref="Break"/> between runs, then each CJK character once (for one-character queries).
    /// </summary>
    public static string Tokens(string? text)
    {
        var runs = Runs(text);
        var tokens = Sequence(runs);
        var characters = new SortedSet<string>(runs.Where(r => r.IsCjk).SelectMany(r => Characters(r.Text)), StringComparer.Ordinal);
        if (characters.Count > 0)
        {
            tokens.Add(Break);
            tokens.AddRange(characters);
        }
        return string.Join(' ', tokens);
    }

    /// <summary>The ordered tokens of runs: each run's <see cref="Sequence(SearchRun)"/>, with <see cref="Break"/> between runs.</summary>
    public static List<string> Sequence(IEnumerable<SearchRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var tokens = new List<string>();
        foreach (var run in runs)
        {
            if (tokens.Count > 0)
                tokens.Add(Break);
            tokens.AddRange(Sequence(run));
        }
        return tokens;
    }

    /// <summary>The tokens a run contributes to the ordered sequence: its pairs, its one character, or its word.</summary>
    public static IEnumerable<string> Sequence(SearchRun run)
    {
        if (!run.IsCjk)
        {
            yield return run.Text;
            yield break;
        }
        var characters = Characters(run.Text);
        if (characters.Count == 1)
        {
            yield return characters[0];
            yield break;
        }
        for (var i = 0; i + 1 < characters.Count; i++)
            yield return characters[i] + characters[i + 1];
    }

    /// <summary>The characters of a CJK run (one per code point: a character outside the BMP is two UTF-16 units).</summary>
    public static List<string> Characters(string run) => run.EnumerateRunes().Select(r => r.ToString()).ToList();

    /// <summary>NFKC (full-width letters and digits become ASCII), lower case; invalid UTF-16 becomes a break.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var valid = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i))
            {
                valid.Append(text, i, 2);
                i++;
            }
            else
            {
                valid.Append(char.IsSurrogate(text[i]) ? ' ' : text[i]);
            }
        }
        return valid.ToString().Normalize(NormalizationForm.FormKC).ToLowerInvariant();
    }

    /// <summary>What a (normalised) character is to search: CJK (true), a letter or digit (false), or a break (null).</summary>
    internal static bool? KindOf(Rune rune) => IsCjk(rune) ? true : Rune.IsLetterOrDigit(rune) ? false : null;

    /// <summary>Han (with its extensions and compatibility forms), kana and Hangul: the scripts written without spaces.</summary>
    public static bool IsCjk(Rune rune) => rune.Value switch
    {
        >= 0x3040 and <= 0x30FF => true,
        >= 0x3400 and <= 0x4DBF => true,
        >= 0x4E00 and <= 0x9FFF => true,
        >= 0xAC00 and <= 0xD7AF => true,
        >= 0xF900 and <= 0xFAFF => true,
        >= 0x20000 and <= 0x3134F => true,
        0x3005 or 0x3007 => true,
        _ => false,
    };

    private static string Cut(string word) =>
        word.Length <= MaxWordLength ? word : word[..(char.IsHighSurrogate(word[MaxWordLength - 1]) ? MaxWordLength - 1 : MaxWordLength)];
}
