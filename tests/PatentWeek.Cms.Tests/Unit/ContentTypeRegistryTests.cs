using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Import;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Tests.Unit;

/// <summary>The content-type registry and the text-field declarations on their own, without a database.</summary>
public sealed class ContentTypeRegistryTests
{
    [Fact]
    public void Every_kind_has_exactly_one_definition_with_a_lower_case_name_that_parses_back()
    {
        Assert.Equal(Enum.GetValues<ContentKind>().Order(), ContentTypes.All.Select(t => t.Kind).Order());
        Assert.Equal(["page", "news", "topic", "video", "story", "event"], ContentTypes.Names);
        foreach (var type in ContentTypes.All)
        {
            Assert.True(ContentKinds.TryParseKind(type.Name, out var parsed));
            Assert.Equal(type.Kind, parsed);
            Assert.Same(type, ContentTypes.Of(type.Kind));
            Assert.Same(type, ContentTypes.Find(type.Name));
        }

        foreach (var wrong in new[] { "News", "1", "", " news", "plan", null })
            Assert.False(ContentKinds.TryParseKind(wrong, out _), wrong ?? "null");
    }

    [Fact]
    public void Story_and_event_are_the_city_bound_kinds_and_need_a_city()
    {
        Assert.Equal([ContentKind.Story, ContentKind.Event], ContentTypes.CityBound);
        Assert.Equal(["title", "city"], ContentTypes.Of(ContentKind.Event).Required);
        Assert.Equal(["title"], ContentTypes.Of(ContentKind.News).Required);
    }

    [Fact]
    public void Each_kind_has_a_distinct_Chinese_label_which_the_admin_shows()
    {
        Assert.Equal(ContentTypes.All.Count, ContentTypes.All.Select(t => t.Label).Distinct().Count());
        foreach (var type in ContentTypes.All)
        {
            Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}+$", type.Label);
            Assert.Equal(type.Label, Labels.Of(type.Kind));
        }

        Assert.Equal("市州亮点", Labels.Of(ContentKind.Story));
    }

    [Fact]
    public void A_kind_s_permalink_and_template_come_from_its_definition()
    {
        Assert.Equal("/news/launch", ContentTypes.Of(ContentKind.News).PathOf("launch"));
        Assert.Equal("/story/a%20b", ContentTypes.Of(ContentKind.Story).PathOf("a b"));
        Assert.All(ContentTypes.All, t => Assert.Equal("item", t.Template));
    }

    [Fact]
    public void Text_fields_have_unique_camel_case_names_file_keys_Chinese_labels_and_positive_limits()
    {
        Assert.Equal(TextFields.All.Count, TextFields.All.Select(f => f.Name).Distinct().Count());
        Assert.Equal(TextFields.All.Count, TextFields.All.Select(f => f.FileKey).Distinct().Count());
        Assert.Equal(TextFields.All.Count, TextFields.All.Select(f => f.FormId).Distinct().Count());
        foreach (var field in TextFields.All)
        {
            Assert.Matches("^[a-z][A-Za-z]*$", field.Name);
            Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}+$", field.Label);
            Assert.StartsWith(field.Label, field.FormLabel, StringComparison.Ordinal);
            Assert.InRange(field.MaxLength, 1, 10_000);
            Assert.Contains(field.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture), field.TooLong, StringComparison.Ordinal);
            Assert.Same(field, TextFields.Find(field.Name.ToUpperInvariant()));
            // The refusals name a field by its declared label.
            Assert.Equal(field.Label, RefusalFallback.FieldName(field.Name));
        }

        Assert.Equal("editor", TextFields.ResponsibleEditor.FileKey);
        Assert.Equal("责任编辑", RefusalFallback.FieldName("responsibleEditor"));
    }

    [Fact]
    public void Each_text_field_reads_and_writes_its_own_entity_column_and_front_matter_key_and_fits_the_column()
    {
        foreach (var field in TextFields.All)
        {
            var item = new ContentItem { Slug = "s", Title = "t" };
            field.Write(item, "值-" + field.Name);
            Assert.Equal("值-" + field.Name, field.Read(item));
            Assert.All(TextFields.All.Where(other => other != field), other => Assert.Null(other.Read(item)));

            var front = new FrontMatter();
            field.WriteFile(front, "文件-" + field.Name);
            Assert.Equal("文件-" + field.Name, field.ReadFile(front));
            Assert.All(TextFields.All.Where(other => other != field), other => Assert.Null(other.ReadFile(front)));

            // The column's limit sits on the entity; a value the declaration allows always fits it.
            var column = typeof(ContentItem).GetProperties().Single(p => string.Equals(p.Name, field.Name, StringComparison.OrdinalIgnoreCase));
            var limit = Assert.Single(column.GetCustomAttributes(typeof(MaxLengthAttribute), false).Cast<MaxLengthAttribute>());
            Assert.True(limit.Length >= field.MaxLength, $"{field.Name}: column {limit.Length} < declared {field.MaxLength}");
        }
    }

    [Fact]
    public void Snapshots_keep_their_flat_shape_and_old_snapshots_still_read()
    {
        var fields = new ContentFields { Kind = ContentKind.News, Edition = 13, Title = "标题", Slug = "s", Summary = "摘要" }
            with { Texts = TextValues.From(f => f == TextFields.ResponsibleEditor ? "王编辑" : f == TextFields.Summary ? "摘要" : null) };
        using var json = JsonDocument.Parse(fields.ToSnapshot());
        Assert.Equal("王编辑", json.RootElement.GetProperty("responsibleEditor").GetString());
        Assert.Equal("摘要", json.RootElement.GetProperty("summary").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("source").ValueKind);
        Assert.Equal("news", json.RootElement.GetProperty("kind").GetString());
        Assert.False(json.RootElement.TryGetProperty("texts", out _));
        Assert.Equal(fields.ToSnapshot(), ContentFields.FromSnapshot(fields.ToSnapshot()).ToSnapshot());

        // A revision stored before the registry, in its property order.
        const string old = """
            {"kind":"story","edition":13,"title":"旧","slug":"old","summary":"旧摘要","weChatTitle":null,"body":"正文","city":"420100","tags":["a"],"cover":"/media/3","source":"武汉市局","author":"张三","responsibleEditor":"李四","isOriginal":false,"isPinned":false,"isSample":false,"state":"published","publishedAt":"2019-11-30T02:00:00Z","startsAt":null,"endsAt":null,"location":"武昌"}
            """;
        var read = ContentFields.FromSnapshot(old);
        Assert.Equal(ContentKind.Story, read.Kind);
        Assert.Equal("旧摘要", read.Summary);
        Assert.Equal("/media/3", read.Cover);
        Assert.Equal("武汉市局", read.Texts[TextFields.Source]);
        Assert.Equal("张三", read.Author);
        Assert.Equal("李四", read.Texts[TextFields.ResponsibleEditor]);
        Assert.Equal("武昌", read.Location);
        Assert.False(read.IsOriginal);
    }

    [Fact]
    public void Changing_one_text_field_with_a_copy_leaves_the_original_as_it_was()
    {
        var original = new ContentFields { Kind = ContentKind.News, Edition = 13, Title = "t", Slug = "s", Summary = "一" };
        var changed = original with { Summary = "二" };
        Assert.Equal("一", original.Summary);
        Assert.Equal("二", changed.Summary);
        Assert.NotEqual(original, changed);
        Assert.Equal(original, original with { });
    }
}
