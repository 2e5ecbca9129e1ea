using PatentWeek.Cms.Search;

namespace PatentWeek.Cms.Tests.Search;

/// <summary>The tokenizer and the query parser, on their own: what a word is, and what reaches an engine.</summary>
public sealed class SearchTextTests
{
    private const string B = SearchText.Break;

    [Theory]
    [InlineData("知识产权", "知识 识产 产权 " + B + " 产 权 知 识")]
    [InlineData("专", "专 " + B + " 专")]
    [InlineData("高价，值专", "高价 " + B + " 值专 " + B + " 专 价 值 高")]
    [InlineData("ＡＢＣ１２３ Patent", "abc123 " + B + " patent")]
    [InlineData("5G专利", "5g " + B + " 专利 " + B + " 专 利")]
    [InlineData("!!! ... ，。", "")]
    [InlineData("", "")]
    public void A_text_is_indexed_as_pairs_words_and_single_characters(string text, string tokens) =>
        Assert.Equal(tokens, SearchText.Tokens(text));

    [Fact]
    public void Invalid_text_and_controls_are_breaks_never_errors()
    {
        Assert.Equal(SearchText.Tokens("专 利"), SearchText.Tokens("专\0利"));
        Assert.Equal(SearchText.Tokens("专 利"), SearchText.Tokens("专\uD800利"));
        Assert.Equal(SearchText.Tokens("专利"), SearchText.Tokens("\u202E专利\u202C"));
        // A character outside the BMP is one character, not two halves.
        Assert.Equal("𠀀专 " + B + " 专 𠀀", SearchText.Tokens("𠀀专"));
        Assert.Equal(SearchText.MaxWordLength, SearchText.Runs(new string('a', 500)).Single().Text.Length);
    }

    public static TheoryData<string, string, string> Queries => new()
    {
        // query, FTS5, tsquery
        { "专", "\"专\"", "('专')" },
        { "专利", "\"专利\"", "('专利')" },
        { "高价值专利", "\"高价 价值 值专 专利\"", "('高价' <-> '价值' <-> '值专' <-> '专利')" },
        { "知识产权", "\"知识 识产 产权\"", "('知识' <-> '识产' <-> '产权')" },
        { "patent", "\"patent\" *", "'patent':*" },
        { "ＰＡＴＥＮＴ", "\"patent\" *", "'patent':*" },
        { "5G专利", "\"5g\" * AND \"专利\"", "'5g':* & ('专利')" },
        { "武汉 培训", "\"武汉\" AND \"培训\"", "('武汉') & ('培训')" },
        { "培训 培训", "\"培训\"", "('培训')" },
        { "\"5G 专利\"", "\"5g " + B + " 专利\"", "('5g' <2> '专利')" },
        { "“专利”", "\"专利\"", "('专利')" },
        { "\"patent\"", "\"patent\"", "('patent')" },
        { "\" OR NEAR(专利", "\"or\" * AND \"near\" * AND \"专利\"", "'or':* & 'near':* & ('专利')" },
        { "专利*:&!", "\"专利\"", "('专利')" },
        { "a'b", "\"a\" * AND \"b\" *", "'a':* & 'b':*" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void A_query_is_rendered_for_each_engine_from_plain_tokens_only(string q, string fts5, string tsquery)
    {
        Assert.True(SearchQuery.TryParse(q, out var query, out var refusal), refusal?.Code);
        Assert.Equal(fts5, query.ToFts5());
        Assert.Equal(tsquery, query.ToTsQuery());
    }

    [Theory]
    [InlineData("知识产权", "('知识产权')")]
    [InlineData("“价值专”", "('价值专')")]
    [InlineData("专利", "('专利')")]
    [InlineData("高价值专利", "('高价' <-> '价值' <-> '值专' <-> '专利')")]
    [InlineData("知识产权 5G", "('知识产权') & '5g':*")]
    [InlineData("\"5G 专利权\"", "('5g' <2> '专利' <-> '利权')")]
    public void For_the_gram_vector_a_word_of_three_or_four_characters_is_one_lexeme(string q, string tsquery)
    {
        Assert.True(SearchQuery.TryParse(q, out var query, out var refusal), refusal?.Code);
        Assert.Equal(tsquery, query.ToTsQuery(grams: true));
    }

    [Fact]
    public void A_column_filter_names_the_columns()
    {
        Assert.True(SearchQuery.TryParse("专利 ai", out var query, out _));
        Assert.Equal("{title} : \"专利\" AND {title} : \"ai\" *", query.ToFts5("title"));
    }

    [Theory]
    [InlineData(null, "q-required")]
    [InlineData("", "q-required")]
    [InlineData("   　 ", "q-required")]
    [InlineData("，。！？", "q-no-words")]
    [InlineData("*:&!()\"\"", "q-no-words")]
    [InlineData("\0\0", "q-no-words")]
    public void Nothing_to_search_is_refused_with_a_code(string? q, string code)
    {
        Assert.False(SearchQuery.TryParse(q, out _, out var refusal));
        Assert.Equal(code, refusal!.Code);
        Assert.Contains("'q'", refusal.Detail, StringComparison.Ordinal);
        Assert.NotEmpty(refusal.Message);
    }

    [Fact]
    public void A_query_over_100_characters_is_refused()
    {
        Assert.True(SearchQuery.TryParse(new string('专', SearchQuery.MaxLength), out _, out _));
        Assert.False(SearchQuery.TryParse(new string('专', SearchQuery.MaxLength + 1), out _, out var refusal));
        Assert.Equal("q-too-long", refusal!.Code);
    }
}
