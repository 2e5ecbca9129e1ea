using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using PatentWeek.Cms.Campaign;

namespace PatentWeek.Cms.Pages.Admin.Campaign;

/// <summary>
/// The dashboard's bar chart of events held per city, drawn on the server as SVG (no script, nothing from outside): a bar
/// per city, a mark at its minimum, the figures written beside. The table above it holds the same data for screen readers.
/// </summary>
public static class EventsChart
{
    private const int Row = 22, Left = 170, Width = 400;

    public static IHtmlContent Svg(IReadOnlyList<ComplianceRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => Math.Max(r.EventsHeld, r.EventsRequired)));
        var height = Row * rows.Count + 10;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-label=\"各市州已举办主题活动场次与要求场次的条形图，数据见上表\" viewBox=\"0 0 640 {height}\" width=\"100%\">");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var y = 5 + i * Row;
            var held = (double)Width * r.EventsHeld / max;
            var required = Left + (double)Width * r.EventsRequired / max;
            var name = HtmlEncoder.Default.Encode(r.City.Name);
            var css = r.EventsHeld < r.EventsRequired ? "bar-short" : "bar-met";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 10}\" y=\"{y + 14}\" text-anchor=\"end\" font-size=\"12\">{name}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{y}\" width=\"{held:0.#}\" height=\"16\" class=\"{css}\"><title>{name}：已举办 {r.EventsHeld} 场，要求 {r.EventsRequired} 场</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{required:0.#}\" x2=\"{required:0.#}\" y1=\"{y}\" y2=\"{y + 16}\" class=\"bar-required\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Math.Max(Left + held, required) + 6:0.#}\" y=\"{y + 13}\" font-size=\"12\">{r.EventsHeld}/{r.EventsRequired}</text>");
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }
}
