using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using PatentWeek.Cms.Campaign;

namespace PatentWeek.Cms.Pages.Admin.Campaign;

/// <summary>One bar of a chart: the city, its value, and the mark it should reach (an event minimum), if any.</summary>
public sealed record ChartBar(string Label, decimal Value, decimal? Mark = null);

/// <summary>
/// The dashboard's bar charts, drawn on the server as SVG (no script, nothing from outside): a bar per city, a line at
/// its minimum where there is one, the figure written beside. The table above holds the same data for screen readers.
/// </summary>
public static class EventsChart
{
    private const int Row = 22, Left = 170, Width = 400;

    /// <summary>Events held per city against each city's minimum.</summary>
    public static IHtmlContent Svg(IReadOnlyList<ComplianceRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Bars("各市州已举办主题活动场次与要求场次的条形图，数据见上表", [.. rows.Select(r => new ChartBar(r.City.Name, r.EventsHeld, r.EventsRequired))], "场");
    }

    /// <summary>A metric per city, as the cities' reports give it (none where a city has not filled it in).</summary>
    public static IHtmlContent Metric(IReadOnlyList<ComplianceRow> rows, Data.Campaign.CampaignMetric metric)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(metric);
        return Bars($"各市州{metric.Label}的条形图，数据见上表", [.. rows.Select(r => new ChartBar(r.City.Name, r.Metrics.GetValueOrDefault(metric.Key) ?? 0m))], metric.Unit);
    }

    public static IHtmlContent Bars(string description, IReadOnlyList<ChartBar> bars, string unit)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var max = Math.Max(1m, bars.Count == 0 ? 1m : bars.Max(b => Math.Max(b.Value, b.Mark ?? 0m)));
        var height = Row * bars.Count + 10;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-label=\"{HtmlEncoder.Default.Encode(description)}\" viewBox=\"0 0 640 {height}\" width=\"100%\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = 5 + i * Row;
            var length = (double)(Width * b.Value / max);
            var name = HtmlEncoder.Default.Encode(b.Label);
            var css = b.Mark is { } mark && b.Value < mark ? "bar-short" : "bar-met";
            var figure = b.Mark is { } m2 ? $"{Number(b.Value)}/{Number(m2)}" : Number(b.Value);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 10}\" y=\"{y + 14}\" text-anchor=\"end\" font-size=\"12\">{name}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{y}\" width=\"{length:0.#}\" height=\"16\" class=\"{css}\"><title>{name}：{figure} {HtmlEncoder.Default.Encode(unit)}</title></rect>");
            var end = Left + length;
            if (b.Mark is { } line)
            {
                var at = Left + (double)(Width * line / max);
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{at:0.#}\" x2=\"{at:0.#}\" y1=\"{y}\" y2=\"{y + 16}\" class=\"bar-required\"/>");
                end = Math.Max(end, at);
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{end + 6:0.#}\" y=\"{y + 13}\" font-size=\"12\">{figure}</text>");
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
