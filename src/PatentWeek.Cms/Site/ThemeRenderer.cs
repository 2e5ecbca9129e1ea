using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Microsoft.Extensions.FileProviders;
using PatentWeek.Cms.Delivery;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Site.Themes;

namespace PatentWeek.Cms.Site;

/// <summary>
/// Renders a theme's Liquid templates (<c>themes/{name}/*.liquid</c>) with Fluid. A page template renders
/// first, then <c>layout.liquid</c> around it as <c>content</c>. Parsed templates are cached and re-read
/// when their file changes, so a theme can be edited without a restart. A template (or partial) the theme lacks
/// is the default theme's; a template that fails gives the public the friendly 500 page and the log its file,
/// line and reason (the admin's 主题 page shows the same).
/// </summary>
public sealed partial class ThemeRenderer
{
    public const string DefaultTheme = ThemeCatalog.DefaultTheme;

    // Chinese stays as characters in the HTML; only what HTML needs escaped is escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    // What File.GetLastWriteTimeUtc answers for a file that does not exist.
    private static readonly DateTime Missing = DateTime.FromFileTimeUtc(0);

    private readonly FluidParser _parser = new();
    private readonly ConcurrentDictionary<string, (DateTime Written, IFluidTemplate Template)> _templates = new();
    private readonly ConcurrentDictionary<string, TemplateOptions> _options = new();
    private readonly ThemeCatalog _catalog;
    private readonly AssetFingerprints _assets;
    private readonly ILogger<ThemeRenderer> _logger;
    private readonly IHttpContextAccessor _http;

    public ThemeRenderer(ThemeCatalog catalog, AssetFingerprints assets, SiteIdentity identity, IHttpContextAccessor http, ILogger<ThemeRenderer> logger)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(logger);
        _catalog = catalog;
        _assets = assets;
        _logger = logger;
        Identity = identity;
        _http = http;
    }

    /// <summary>The site's identity every page shows (footer, title, gov meta fields).</summary>
    public SiteIdentity Identity { get; }

    /// <summary>
    /// The theme's share image (theme.json's <c>cover</c>, else <c>wechat-cover.jpg</c>; the default theme's when it has
    /// none), fingerprinted and root-relative without the path base: <c>og:image</c> of a page without a cover.
    /// </summary>
    public string ShareImage(string? theme)
    {
        var name = Path.GetFileName(ThemeFolder(theme));
        return _assets.Url(name, _catalog.Find(name)?.Manifest?.Cover ?? "wechat-cover.jpg");
    }

    /// <summary>The folder of <paramref name="theme"/>, or of the default theme when it has none (unknown or broken).</summary>
    public string ThemeFolder(string? theme) => _catalog.FolderOf(theme);

    public async Task<string> RenderAsync(string? theme, string template, IReadOnlyDictionary<string, object?> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var folder = ThemeFolder(theme);
        var context = new TemplateContext(Options(folder));
        foreach (var (name, value) in model)
            context.SetValue(name, value);
        // The request's path base (Cms:PathBase, e.g. /zlz; empty at the root): every link a template writes starts with it.
        var pathBase = _http.HttpContext?.Request.PathBase.Value ?? "";
        context.SetValue("base", pathBase);
        context.SetValue("theme_path", pathBase + "/themes/" + Path.GetFileName(folder));
        // theme.json's default share image, for {{ theme_cover | asset_url }} (og:image when an item has no cover).
        if (_catalog.Find(Path.GetFileName(folder))?.Manifest?.Cover is { } cover)
            context.SetValue("theme_cover", cover);

        var body = await Template(folder, template).RenderAsync(context, Encoder);
        context.SetValue("content", new Fluid.Values.StringValue(body, encode: false));
        return await Template(folder, "layout").RenderAsync(context, Encoder);
    }

    /// <summary>
    /// The page as an answer; when a template of the theme fails (parse or render), the theme's <c>500.liquid</c> (or a
    /// built-in page) with status 500, never a stack trace, and a warning in the log with the file, line and reason.
    /// </summary>
    public async Task<IResult> PageAsync(
        string? theme, string template, IReadOnlyDictionary<string, object?> model, int status = StatusCodes.Status200OK, bool cacheable = true)
    {
        try
        {
            return new HtmlPage(await RenderAsync(theme, template, model), status, cacheable);
        }
        catch (ThemeTemplateException e)
        {
            LogBrokenTemplate(_logger, Path.GetFileName(ThemeFolder(theme)), e.Problem.File, e.Problem.Line, e.Problem.Reason);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A render-time failure (a missing partial, a runaway loop): Fluid names no line, the template and reason are logged.
            LogBrokenTemplate(_logger, Path.GetFileName(ThemeFolder(theme)), template + ".liquid", null, e.Message);
        }

        return new HtmlPage(await ErrorPageAsync(theme, model), StatusCodes.Status500InternalServerError, cacheable: false);
    }

    private async Task<string> ErrorPageAsync(string? theme, IReadOnlyDictionary<string, object?> model)
    {
        var folder = ThemeFolder(theme);
        if (File.Exists(Path.Combine(folder, "500.liquid")) || File.Exists(Path.Combine(_catalog.DefaultFolder, "500.liquid")))
        {
            try
            {
                return await RenderAsync(theme, "500", new Dictionary<string, object?>
                {
                    ["site"] = model.GetValueOrDefault("site"), ["base"] = model.GetValueOrDefault("base"),
                    ["page_title"] = ErrorPages.ServerError.Heading, ["page_description"] = ErrorPages.ServerError.Text,
                });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogBrokenTemplate(_logger, Path.GetFileName(folder), "500.liquid", (e as ThemeTemplateException)?.Problem.Line, e.Message);
            }
        }

        return ErrorPages.Html(ErrorPages.ServerError.Heading, ErrorPages.ServerError.Text, model.GetValueOrDefault("base") as string ?? "");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Theme {Theme}: template {File} fails at line {Line}: {Reason}")]
    private static partial void LogBrokenTemplate(ILogger logger, string theme, string file, int? line, string reason);

    private IFluidTemplate Template(string folder, string name)
    {
        var path = Path.Combine(folder, name + ".liquid");
        var written = File.GetLastWriteTimeUtc(path);
        if (written == Missing && folder != _catalog.DefaultFolder)
        {
            // The theme lacks it: the default theme's template of that name.
            path = Path.Combine(_catalog.DefaultFolder, name + ".liquid");
            written = File.GetLastWriteTimeUtc(path);
        }

        if (_templates.TryGetValue(path, out var cached) && cached.Written == written)
            return cached.Template;

        if (!File.Exists(path))
            throw new FileNotFoundException($"The theme has no template '{name}.liquid'.", path);
        if (!_parser.TryParse(File.ReadAllText(path), out var parsed, out var error))
            throw new ThemeTemplateException(TemplateProblem.FromParseError(name + ".liquid", error));
        _templates[path] = (written, parsed);
        return parsed;
    }

    private TemplateOptions Options(string folder) => _options.GetOrAdd(folder, f =>
    {
        var theme = Path.GetFileName(f);
        // Partials (include/render) resolve in the theme first, then in the default theme.
        IFileProvider files = f == _catalog.DefaultFolder
            ? new PhysicalFileProvider(f)
            : new CompositeFileProvider(new PhysicalFileProvider(f), new PhysicalFileProvider(_catalog.DefaultFolder));
        var options = new TemplateOptions
        {
            FileProvider = files,
            CultureInfo = CultureInfo.GetCultureInfo("zh-CN"),
            TimeZone = TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", BeijingTime.Offset, "Beijing", "Beijing"),
        };
        options.MemberAccessStrategy.IgnoreCasing = true;
        options.Filters.AddFilter("cn_date", ChineseDate);
        options.Filters.AddFilter("iso_time", IsoTime);
        options.Filters.AddFilter("asset_url", (input, _, context) => AssetUrl(theme, input, context));
        options.Filters.AddFilter("path_segment", PathSegment);
        options.Filters.AddFilter("with_base", (input, _, context) => WithBase(input, context, html: false));
        options.Filters.AddFilter("with_base_html", (input, _, context) => WithBase(input, context, html: true));
        // Fluid would print a DateOnly in the culture's short format; templates get ISO dates instead.
        options.ValueConverters.Add(v => v is DateOnly d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null);
        // Templates see the delivery DTOs and nothing else.
        options.MemberAccessStrategy.Register<SiteDto>();
        options.MemberAccessStrategy.Register<CityRefDto>();
        options.MemberAccessStrategy.Register<CityDto>();
        options.MemberAccessStrategy.Register<Campaign.Results.CityResultsDto>();
        options.MemberAccessStrategy.Register<Campaign.Results.ProvinceResultsDto>();
        options.MemberAccessStrategy.Register<Campaign.Results.ResultFigureDto>();
        options.MemberAccessStrategy.Register<ContentSummaryDto>();
        options.MemberAccessStrategy.Register<ContentDto>();
        options.MemberAccessStrategy.Register<EventDetailsDto>();
        options.MemberAccessStrategy.Register<PagedDto<ContentSummaryDto>>();
        options.MemberAccessStrategy.Register<Media.PictureDto>();
        options.MemberAccessStrategy.Register<Media.CropDto>();
        options.MemberAccessStrategy.Register<VideoDto>();
        options.MemberAccessStrategy.Register<SiteIdentityDto>();
        options.MemberAccessStrategy.Register<CitySummaryDto>();
        options.MemberAccessStrategy.Register<ContentLinkDto>();
        options.MemberAccessStrategy.Register<Pages.CrumbDto>();
        options.MemberAccessStrategy.Register<Pages.PagerDto>();
        options.MemberAccessStrategy.Register<Pages.EditionLinkDto>();
        options.MemberAccessStrategy.Register<Pages.CalendarDto>();
        options.MemberAccessStrategy.Register<Pages.CalendarDayDto>();
        options.MemberAccessStrategy.Register<Pages.CalendarEventDto>();
        options.MemberAccessStrategy.Register<Pages.FilterOptionDto>();
        options.MemberAccessStrategy.Register<Search.SearchHitDto>();
        options.MemberAccessStrategy.Register<Pages.SearchFacetDto>();
        options.MemberAccessStrategy.Register<Pages.SearchResultDto>();
        return options;
    });

    /// <summary><c>{{ x | cn_date }}</c>: 2019年11月30日 for a date, plus the time for an instant (Beijing time).</summary>
    private static ValueTask<Fluid.Values.FluidValue> ChineseDate(Fluid.Values.FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var text = input.ToObjectValue() switch
        {
            DateTimeOffset t => t.ToOffset(BeijingTime.Offset).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture),
            string s when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) =>
                d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture),
            _ => input.ToStringValue(),
        };
        return new Fluid.Values.StringValue(text);
    }

    /// <summary>
    /// <c>{{ 'site.css' | asset_url }}</c>: the asset's fingerprinted, root-relative URL under the request's base
    /// (<c>/zlz/themes/default/assets/site.4f3a9c1e2b.css</c>), from the default theme when this theme lacks it.
    /// </summary>
    private ValueTask<Fluid.Values.FluidValue> AssetUrl(string theme, Fluid.Values.FluidValue input, TemplateContext context)
    {
        var prefix = context.GetValue("base") is { } b && !b.IsNil() ? b.ToStringValue().TrimEnd('/') : "";
        return new Fluid.Values.StringValue(prefix + _assets.Url(theme, input.ToStringValue()));
    }

    /// <summary>
    /// <c>{{ picture.src | with_base }}</c>, also for a srcset or an item's HTML: the site's own root-relative addresses
    /// (<c>/media/…</c> in API answers, <c>/page/…</c> links an editor wrote) under the request's path base
    /// (<c>Cms:PathBase</c>), so pictures, videos and links work when the site is mounted under a prefix.
    /// </summary>
    /// <remarks>
    /// <c>with_base</c> is for an address or a srcset and its output is encoded like any value; <c>with_base_html</c> is
    /// for an item's sanitised HTML only (written with <c>| raw</c>). Which one is the template's choice, never the value's.
    /// </remarks>
    private static ValueTask<Fluid.Values.FluidValue> WithBase(Fluid.Values.FluidValue input, TemplateContext context, bool html)
    {
        var text = input.ToStringValue();
        var prefix = context.GetValue("base") is { } b && !b.IsNil() ? b.ToStringValue().TrimEnd('/') : "";
        var isHtml = html;
        if (prefix.Length == 0)
            return new Fluid.Values.StringValue(text, encode: !isHtml);
        var based = isHtml
            ? SrcsetAttribute().Replace(RootRelativeAttribute().Replace(text, prefix + "/"), m => m.Groups[1].Value + Based(m.Groups[2].Value, prefix) + "\"")
            : Based(text, prefix);
        return new Fluid.Values.StringValue(based, encode: !isHtml);
    }

    /// <summary>An address or each entry of a srcset, when root-relative (not <c>//host</c>), under the prefix.</summary>
    private static string Based(string value, string prefix) => SrcsetEntry().Replace(value, prefix + "/");

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=^|,\s*)/(?!/)")]
    private static partial System.Text.RegularExpressions.Regex SrcsetEntry();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\s(?:href|src|poster)="")/(?!/)")]
    private static partial System.Text.RegularExpressions.Regex RootRelativeAttribute();

    [System.Text.RegularExpressions.GeneratedRegex(@"(\ssrcset="")([^""]*)""")]
    private static partial System.Text.RegularExpressions.Regex SrcsetAttribute();

    /// <summary><c>{{ tag | path_segment }}</c>: escaped as one segment of a path (a space is %20, not url_encode's +).</summary>
    private static ValueTask<Fluid.Values.FluidValue> PathSegment(Fluid.Values.FluidValue input, FilterArguments arguments, TemplateContext context) =>
        new Fluid.Values.StringValue(Uri.EscapeDataString(input.ToStringValue()));

    /// <summary><c>{{ x | iso_time }}</c>: an instant as ISO 8601 in Beijing time, for <c>&lt;time datetime&gt;</c>.</summary>
    private static ValueTask<Fluid.Values.FluidValue> IsoTime(Fluid.Values.FluidValue input, FilterArguments arguments, TemplateContext context) =>
        input.ToObjectValue() is DateTimeOffset t
            // Digits, dashes, colons and a plus sign only: nothing to escape, and '+' stays readable.
            ? new Fluid.Values.StringValue(t.ToOffset(BeijingTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), encode: false)
            : Fluid.Values.NilValue.Instance;
}
