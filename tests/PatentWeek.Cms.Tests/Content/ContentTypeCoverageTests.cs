using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Content.Import;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Pages.Admin.Content;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Content;

/// <summary>
/// Walks the content-type registry and proves every surface knows every kind it declares: the importer takes a file of
/// each kind, the site answers at each item's permalink, the delivery and management APIs filter by each, the editor
/// form offers each creatable kind with the registry's fields, and the OpenAPI document's kind enums are the registry's.
/// </summary>
public abstract class ContentTypeCoverageTests(AppFixture fixture)
{
    private const string Wuhan = "420100";
    private static readonly HtmlParser Parser = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A value a file of the kind may carry: free text names the field and kind; an enumerated field takes its first choice.
    private static string Value(TextField field, ContentType type) => field.Choices is { } choices ? choices[0].Code : $"{field.Label}-{type.Name}";

    [Fact]
    public async Task A_file_of_each_kind_imports_answers_at_its_permalink_and_is_found_by_both_APIs_filters()
    {
        var tag = "k" + Guid.NewGuid().ToString("N")[..8];
        var folder = Directory.CreateTempSubdirectory("kinds-").FullName;
        try
        {
            File.Copy(Path.Combine(Repo.Content, CampaignFileReader.EditionsFile), Path.Combine(folder, CampaignFileReader.EditionsFile));
            File.Copy(Path.Combine(Repo.Content, CampaignFileReader.CitiesFile), Path.Combine(folder, CampaignFileReader.CitiesFile));
            Directory.CreateDirectory(Path.Combine(folder, "13"));
            foreach (var type in ContentTypes.All)
            {
                var city = type.CityBound ? $"city: \"{Wuhan}\"\n" : "";
                var texts = string.Concat(type.Fields.Select(f => $"{f.FileKey}: {Value(f, type)}\n"));
                await File.WriteAllTextAsync(Path.Combine(folder, "13", $"{tag}-{type.Name}.md"),
                    $"---\nkind: {type.Name}\nedition: 13\ntitle: 覆盖测试{type.Label}\nslug: {tag}-{type.Name}\n{city}{texts}" +
                    $"state: published\npublishedAt: \"2019-12-01 10:00\"\n---\n{type.Label}的正文（{tag}）。\n", Ct);
            }

            using var scope = fixture.App.Services.CreateScope();
            var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(folder, includeSamples: false, cancellationToken: Ct);
            Assert.Equal(ContentTypes.All.Count, report.Created);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        foreach (var type in ContentTypes.All)
        {
            var slug = $"{tag}-{type.Name}";
            using var page = await fixture.Client.GetAsync(new Uri(type.PathOf(slug), UriKind.Relative), Ct);
            var html = await page.Content.ReadAsStringAsync(Ct);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{type.Name}: {(int)page.StatusCode}");
            Assert.Contains($"覆盖测试{type.Label}", html, StringComparison.Ordinal);

            var delivered = await fixture.Client.GetOkAsync($"/api/v1/content?kind={type.Name}&pageSize=100");
            var items = delivered.GetProperty("items").EnumerateArray().ToList();
            Assert.Contains(items, i => i.GetProperty("slug").GetString() == slug);
            Assert.All(items, i => Assert.Equal(type.Name, i.GetProperty("kind").GetString()));

            var one = await fixture.Client.GetOkAsync($"/api/v1/content/{type.Name}/{slug}");
            foreach (var field in TextFields.All.Where(f => f.Name is "summary" or "source" or "author" or "responsibleEditor" or "cover"))
                Assert.Equal($"{field.Label}-{type.Name}", one.GetProperty(field.Name).GetString());

            var managed = await editor.Client.GetOkAsync($"/api/manage/v1/content?kind={type.Name}&q={tag}");
            var row = Assert.Single(managed.GetProperty("items").EnumerateArray());
            Assert.Equal(type.Name, row.GetProperty("kind").GetString());
            var id = row.GetProperty("id").GetInt32();
            var full = await editor.Client.GetOkAsync($"/api/manage/v1/content/{id}");
            foreach (var field in type.Fields)
                Assert.Equal(Value(field, type), full.GetProperty(field.Name).GetString());
        }
    }

    [Fact]
    public async Task The_editor_form_offers_each_creatable_kind_with_the_registry_s_fields_labels_and_limits()
    {
        var user = await Staff.CreateUserAsync(fixture.App, Roles.Editor);
        using var session = await AdminSession.SignInAsync(fixture.App, user.Email!, Staff.Password);
        foreach (var type in ContentTypes.All)
        {
            var html = await session.GetStringAsync(new Uri($"/admin/content/edit?kind={type.Name}", UriKind.Relative), Ct);
            var document = await Parser.ParseDocumentAsync(html, Ct);
            var options = document.QuerySelectorAll("select#kind option").Select(o => (o.GetAttribute("value"), o.TextContent.Trim())).ToList();
            Assert.Equal(ContentTypes.All.Select(t => ((string?)t.Name, t.Label)).OrderBy(o => o.Item1), options.OrderBy(o => o.Item1));
            Assert.Equal(type.Name, document.QuerySelector("select#kind option[selected]")?.GetAttribute("value"));

            // A new item's form carries every kind's fields, each marked with its kinds; the chosen kind's are those shown.
            var shown = document.QuerySelectorAll("input[name^='Form.Texts['], textarea[name^='Form.Texts['], select[name^='Form.Texts[']")
                .Where(e => e.Closest("[data-kinds]")?.GetAttribute("data-kinds")?.Split(' ').Contains(type.Name) ?? true)
                .Select(e => e.GetAttribute("name")).ToList();
            Assert.Equal(type.Fields.Select(EditModel.FormName), shown);
            foreach (var field in type.Fields)
            {
                var input = document.GetElementById(field.FormId);
                Assert.NotNull(input);
                Assert.Equal(EditModel.FormName(field), input.GetAttribute("name"));
                if (field.Choices is { } choices)
                    Assert.Equal(choices.Select(c => c.Code), input.QuerySelectorAll("option").Select(o => o.GetAttribute("value")).Where(v => v is { Length: > 0 }));
                else
                    Assert.Equal(field.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture), input.GetAttribute("maxlength"));
                Assert.Equal(field.FormLabel, document.QuerySelector($"label[for='{field.FormId}']")?.TextContent.Trim());
            }
        }

        // A city contributor is offered the city-bound kinds only.
        var wuhan = await Staff.CreateUserAsync(fixture.App, Roles.CityContributor, Wuhan);
        using var city = await AdminSession.SignInAsync(fixture.App, wuhan.Email!, Staff.Password);
        var cityForm = await Parser.ParseDocumentAsync(await city.GetStringAsync(new Uri("/admin/content/edit", UriKind.Relative), Ct), Ct);
        Assert.Equal(ContentTypes.All.Where(t => t.CityBound).Select(t => t.Name), cityForm.QuerySelectorAll("select#kind option").Select(o => o.GetAttribute("value")!));
    }

    [Fact]
    public async Task A_too_long_declared_field_is_refused_next_to_it_in_the_form_and_named_by_the_API()
    {
        var user = await Staff.CreateUserAsync(fixture.App, Roles.Editor);
        using var session = await AdminSession.SignInAsync(fixture.App, user.Email!, Staff.Password);
        var field = TextFields.ResponsibleEditor;
        using var response = await session.PostFormAsync("/admin/content/edit", new()
        {
            ["Form.Kind"] = "news", ["Form.Title"] = "太长的字段", ["Form.Body"] = "正文", [EditModel.FormName(field)] = new string('编', field.MaxLength + 1),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync(Ct), Ct);
        Assert.Equal(field.TooLong, document.QuerySelector($"[data-valmsg-for='{EditModel.FormName(field)}']")?.TextContent.Trim());

        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var (status, body) = await editor.Client.SendAsync(HttpMethod.Post, "/api/manage/v1/content",
            new Dictionary<string, object> { ["kind"] = "news", ["title"] = "太长的字段", [field.Name] = new string('编', field.MaxLength + 1) });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty(field.Name, out _), body.ToString());
    }

    [Fact]
    public void The_text_fields_columns_keep_their_limits_and_the_model_matches_the_migrations()
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        // The limits moved from the configuration onto the entity: the schema the migrations made is unchanged.
        Assert.False(db.Database.HasPendingModelChanges());
        var entity = db.Model.FindEntityType(typeof(ContentItem))!;
        foreach (var field in TextFields.All)
        {
            var column = entity.GetProperties().Single(p => string.Equals(p.Name, field.Name, StringComparison.OrdinalIgnoreCase));
            Assert.True(column.GetMaxLength() >= field.MaxLength, field.Name);
        }

        Assert.Equal(100, entity.FindProperty(nameof(ContentItem.Author))!.GetMaxLength());
        Assert.Equal(64, entity.FindProperty(nameof(ContentItem.WeChatTitle))!.GetMaxLength());
    }

    [Fact]
    public async Task The_OpenAPI_document_s_kind_enums_are_the_registry_s_names()
    {
        using var document = JsonDocument.Parse(await fixture.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct));
        var root = document.RootElement;
        static List<string> Enum(JsonElement schema) =>
            [.. schema.GetProperty("enum").EnumerateArray().Where(e => e.ValueKind != JsonValueKind.Null).Select(e => e.GetString()!)];

        foreach (var (path, method) in new[] { ("/api/v1/content", "get"), ("/api/v1/content/{kind}/{slug}", "get"), ("/api/manage/v1/content", "get") })
        {
            var parameter = root.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("parameters").EnumerateArray()
                .Single(p => p.GetProperty("name").GetString() == "kind");
            Assert.Equal(ContentTypes.Names, Enum(parameter.GetProperty("schema")));
        }

        var schemas = root.GetProperty("components").GetProperty("schemas");
        foreach (var name in new[] { "ContentDto", "ContentSummaryDto", "ManageContentDto", "ManageContentSummaryDto", "ContentWriteRequest" })
            Assert.Equal(ContentTypes.Names, Enum(schemas.GetProperty(name).GetProperty("properties").GetProperty("kind")));

        // The request's kind may be left out, so null is allowed beside the names.
        Assert.Contains(schemas.GetProperty("ContentWriteRequest").GetProperty("properties").GetProperty("kind").GetProperty("enum").EnumerateArray(),
            e => e.ValueKind == JsonValueKind.Null);

        // The declared text fields are listed on the request with their limits, and on the answers.
        foreach (var field in TextFields.All)
        {
            Assert.Equal(field.MaxLength, schemas.GetProperty("ContentWriteRequest").GetProperty("properties").GetProperty(field.Name).GetProperty("maxLength").GetInt32());
            Assert.True(schemas.GetProperty("ManageContentDto").GetProperty("properties").TryGetProperty(field.Name, out _), field.Name);
            Assert.Contains(field.Name, schemas.GetProperty("ManageContentDto").GetProperty("required").EnumerateArray().Select(e => e.GetString()));
            Assert.True(schemas.GetProperty("ContentFields").GetProperty("properties").TryGetProperty(field.Name, out _), field.Name);
        }
    }
}

public sealed class ContentTypeCoverageSqliteTests(SqliteApp app) : ContentTypeCoverageTests(app), IClassFixture<SqliteApp>;

public sealed class ContentTypeCoveragePostgresTests(PostgresApp app) : ContentTypeCoverageTests(app), IClassFixture<PostgresApp>;
