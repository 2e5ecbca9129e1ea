using PatentWeek.Cms.Site.Themes;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Site;

/// <summary>theme.json as the run time reads it: the shipped theme's, and the reasons a folder is a broken theme.</summary>
public sealed class ThemeManifestTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "patentweek-tests", "manifest-" + Guid.NewGuid().ToString("N")[..12]);

    public ThemeManifestTests() => Directory.CreateDirectory(Path.Combine(_folder, "assets"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string file, string text) => File.WriteAllText(Path.Combine(_folder, file), text);

    [Fact]
    public void The_default_theme_has_a_valid_manifest_listing_its_templates()
    {
        var (manifest, error) = ThemeManifest.Read(Path.Combine(Repo.Themes, "default"));
        Assert.Null(error);
        Assert.NotNull(manifest);
        Assert.Contains("专利周", manifest.Name, StringComparison.Ordinal);
        Assert.Contains("layout", manifest.Templates);
        Assert.Contains("item", manifest.Templates);
        Assert.Equal("wechat-cover.jpg", manifest.Cover);
    }

    [Fact]
    public void A_folder_without_theme_json_is_broken_with_the_reason()
    {
        Write("layout.liquid", "{{ content }}");
        var (manifest, error) = ThemeManifest.Read(_folder);
        Assert.Null(manifest);
        Assert.Equal("缺少 theme.json。", error);
    }

    [Theory]
    [InlineData("{ \"name\": \"春\", ", "不是有效的 JSON")]
    [InlineData("{ \"version\": \"1\", \"templates\": [\"layout\"] }", "缺少名称")]
    [InlineData("{ \"name\": \"春\", \"templates\": [\"layout\"] }", "缺少版本")]
    [InlineData("{ \"name\": \"春\", \"version\": \"1\", \"templates\": [] }", "未列出模板")]
    [InlineData("{ \"name\": \"春\", \"version\": \"1\", \"templates\": [\"layout\", \"home\"] }", "home.liquid 不存在")]
    [InlineData("{ \"name\": \"春\", \"version\": \"1\", \"templates\": [\"../default/layout\"] }", "模板名")]
    [InlineData("{ \"name\": \"春\", \"version\": \"1\", \"templates\": [\"layout\"], \"cover\": \"none.jpg\" }", "封面 none.jpg")]
    public void An_invalid_manifest_names_what_is_wrong(string json, string reason)
    {
        Write("layout.liquid", "{{ content }}");
        Write(ThemeManifest.FileName, json);
        var (manifest, error) = ThemeManifest.Read(_folder);
        Assert.Null(manifest);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parse_error_names_the_file_and_line_in_chinese_words()
    {
        Write("item.liquid", "<h1>标题</h1>\n<p>正文</p>\n{% if %}\n");
        Write("home.liquid", "<h1>{{ site.slogan }}</h1>");
        var problem = Assert.Single(TemplateProblem.Check(_folder));
        Assert.Equal("item.liquid", problem.File);
        Assert.Equal(3, problem.Line);
        Assert.StartsWith("模板 item.liquid 第 3 行：", problem.Text, StringComparison.Ordinal);
    }
}
