using PatentWeek.Cms.Search;

namespace PatentWeek.Cms.Tests.Search;

/// <summary>Snippets: the first hit with its context, encoded, each occurrence of a term one mark.</summary>
public sealed class SearchSnippetTests
{
    private static SearchQuery Query(string q)
    {
        Assert.True(SearchQuery.TryParse(q, out var query, out var refusal), refusal?.Code);
        return query;
    }

    [Theory]
    [InlineData("高价值专利", "培育高价值专利，推动高价值专利转化", "培育<mark>高价值专利</mark>，推动<mark>高价值专利</mark>转化")]
    [InlineData("专", "专利与专家", "<mark>专</mark>利与<mark>专</mark>家")]
    [InlineData("专利", "专专利利", "专<mark>专利</mark>利")]
    [InlineData("pat", "Patent and patents, not compatible", "<mark>Pat</mark>ent and <mark>pat</mark>ents, not compatible")]
    [InlineData("ＰＡＴ", "PATENT", "<mark>PAT</mark>ENT")]
    [InlineData("\"5G 专利\"", "关于5G，专利池与 5G 专利", "关于<mark>5G，专利</mark>池与 <mark>5G 专利</mark>")]
    [InlineData("\"patent\"", "patents or patent", "patents or <mark>patent</mark>")]
    [InlineData("武汉 培训", "武汉市知识产权培训", "<mark>武汉</mark>市知识产权<mark>培训</mark>")]
    [InlineData("专利", "<script>专利</script> & “引号”", "&lt;script&gt;<mark>专利</mark>&lt;/script&gt; &amp; “引号”")]
    [InlineData("专利", "专\u202E利，\u202E专利", "专利，<mark>专利</mark>")]
    [InlineData("利用", "𠀀专利用", "𠀀专<mark>利用</mark>")]
    public void Every_occurrence_of_a_term_is_one_mark_and_the_rest_is_encoded(string q, string text, string snippet) =>
        Assert.Equal(snippet, SearchSnippet.Of(text, Query(q)));

    [Fact]
    public void A_long_text_is_cut_about_forty_characters_either_side_of_the_first_hit()
    {
        var text = new string('甲', 100) + "专利" + new string('乙', 100) + "专利";
        var snippet = SearchSnippet.Of(text, Query("专利"));
        Assert.Equal("…" + new string('甲', SearchSnippet.Context) + "<mark>专利</mark>" + new string('乙', SearchSnippet.Context) + "…", snippet);
    }

    [Fact]
    public void A_text_without_a_hit_gives_none_and_the_snippet_falls_back_to_the_next_text_or_the_start()
    {
        Assert.Null(SearchSnippet.Of("高价，值专利", Query("高价值")));
        Assert.Equal("正文里的<mark>专利</mark>", SearchSnippet.For(Query("专利"), "摘要", "正文里的专利"));
        Assert.Equal("摘要 &lt;b&gt;", SearchSnippet.For(Query("标题"), "摘要 <b>", "正文"));
        Assert.Equal("", SearchSnippet.For(Query("标题"), null, ""));
    }
}
