using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Microsoft.Extensions.FileProviders;
using PatentWeek.Cms.Delivery;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Site;

/// <summary>
/// Renders a theme's Liquid templates (<c>themes/{name}/*.liquid</c>) with Fluid. A page template renders
/// first, then <c>layout.liquid</c> around it as <c>content</c>. Parsed templates are cached and re-read
/// when their file changes, so a theme can be edited without a restart.
/// </summary>
public sealed class ThemeRenderer
{
    public const string DefaultTheme = "default";

    // Chinese stays as characters in the HTML; only what HTML needs escaped is escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly FluidParser _parser = new();
    private readonly ConcurrentDictionary<string, (DateTime Written, IFluidTemplate Template)> _templates = new();
    private readonly ConcurrentDictionary<string, TemplateOptions> _options = new();
    private readonly string _themesPath;

    public ThemeRenderer(CmsPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        _themesPath = paths.ThemesPath;
    }

    /// <summary>The folder of <paramref name="theme"/>, or of the default theme when it has none.</summary>
    public string ThemeFolder(string? theme)
    {
        if (theme is { Length: > 0 } && theme.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            var folder = Path.Combine(_themesPath, theme);
            if (Directory.Exists(folder))
                return folder;
        }

        return Path.Combine(_themesPath, DefaultTheme);
    }

    public async Task<string> RenderAsync(string? theme, string template, IReadOnlyDictionary<string, object?> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var folder = ThemeFolder(theme);
        var context = new TemplateContext(Options(folder));
        foreach (var (name, value) in model)
            context.SetValue(name, value);
        context.SetValue("theme_path", "/themes/" + Path.GetFileName(folder));

        var body = await Template(folder, template).RenderAsync(context, Encoder);
        context.SetValue("content", new Fluid.Values.StringValue(body, encode: false));
        return await Template(folder, "layout").RenderAsync(context, Encoder);
    }

    private IFluidTemplate Template(string folder, string name)
    {
        var path = Path.Combine(folder, name + ".liquid");
        var written = File.GetLastWriteTimeUtc(path);
        if (_templates.TryGetValue(path, out var cached) && cached.Written == written)
            return cached.Template;

        if (!File.Exists(path))
            throw new FileNotFoundException($"The theme has no template '{name}.liquid'.", path);
        if (!_parser.TryParse(File.ReadAllText(path), out var parsed, out var error))
            throw new InvalidOperationException($"{path}: {error}");
        _templates[path] = (written, parsed);
        return parsed;
    }

    private TemplateOptions Options(string folder) => _options.GetOrAdd(folder, static f =>
    {
        var options = new TemplateOptions
        {
            FileProvider = new PhysicalFileProvider(f),
            CultureInfo = CultureInfo.GetCultureInfo("zh-CN"),
            TimeZone = TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", BeijingTime.Offset, "Beijing", "Beijing"),
        };
        options.MemberAccessStrategy.IgnoreCasing = true;
        options.Filters.AddFilter("cn_date", ChineseDate);
        options.Filters.AddFilter("iso_time", IsoTime);
        // Fluid would print a DateOnly in the culture's short format; templates get ISO dates instead.
        options.ValueConverters.Add(v => v is DateOnly d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null);
        // Templates see the delivery DTOs and nothing else.
        options.MemberAccessStrategy.Register<SiteDto>();
        options.MemberAccessStrategy.Register<CityRefDto>();
        options.MemberAccessStrategy.Register<CityDto>();
        options.MemberAccessStrategy.Register<ContentSummaryDto>();
        options.MemberAccessStrategy.Register<ContentDto>();
        options.MemberAccessStrategy.Register<EventDetailsDto>();
        options.MemberAccessStrategy.Register<PagedDto<ContentSummaryDto>>();
        options.MemberAccessStrategy.Register<Media.PictureDto>();
        options.MemberAccessStrategy.Register<Media.CropDto>();
        options.MemberAccessStrategy.Register<VideoDto>();
        options.MemberAccessStrategy.Register<Pages.CalendarDto>();
        options.MemberAccessStrategy.Register<Pages.CalendarDayDto>();
        options.MemberAccessStrategy.Register<Pages.CalendarEventDto>();
        options.MemberAccessStrategy.Register<Pages.FilterOptionDto>();
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

    /// <summary><c>{{ x | iso_time }}</c>: an instant as ISO 8601 in Beijing time, for <c>&lt;time datetime&gt;</c>.</summary>
    private static ValueTask<Fluid.Values.FluidValue> IsoTime(Fluid.Values.FluidValue input, FilterArguments arguments, TemplateContext context) =>
        input.ToObjectValue() is DateTimeOffset t
            // Digits, dashes, colons and a plus sign only: nothing to escape, and '+' stays readable.
            ? new Fluid.Values.StringValue(t.ToOffset(BeijingTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), encode: false)
            : Fluid.Values.NilValue.Instance;
}
