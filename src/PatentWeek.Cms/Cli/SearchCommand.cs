using PatentWeek.Cms.Search;

namespace PatentWeek.Cms.Cli;

/// <summary><c>search rebuild</c>: every item's search document made again from the items (after a restore, or a bulk edit by hand).</summary>
internal static class SearchCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        if (arguments is not ["rebuild"])
        {
            await error.WriteLineAsync("用法：search rebuild");
            return 2;
        }
        var count = await services.GetRequiredService<SearchIndexer>().RebuildAsync();
        await output.WriteLineAsync($"搜索索引已重建：{count} 条内容。");
        return 0;
    }
}
