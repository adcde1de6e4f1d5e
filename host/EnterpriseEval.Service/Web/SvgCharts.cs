using System.Globalization;
using Microsoft.AspNetCore.Html;

namespace EnterpriseEval.Service.Web;

/// <summary>One series of a stacked chart: its name in the legend, its colour, a value per category.</summary>
internal sealed record ChartSeries(string Name, string Colour, IReadOnlyList<int> Values);

/// <summary>
/// Stacked bar charts drawn on the server as SVG (docs/service.md, "Pages"): no script, no library, no inline style
/// (colours are presentation attributes, so the page's Content-Security-Policy holds), every text encoded. Each chart
/// has a title and description for screen readers and prints as it shows.
/// </summary>
internal static class SvgCharts
{
    // Horizontal charts sit two side by side, the vertical one across the page: widths near what they are shown at,
    // so the text keeps its size.
    private const int HorizontalWidth = 520;
    private const int VerticalWidth = 1000;
    private const int LabelWidth = 130;
    private const int RowHeight = 26;
    private const int BarHeight = 18;

    /// <summary>One horizontal bar per category, its series stacked left to right, the total at its end.</summary>
    public static IHtmlContent Horizontal(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series)
    {
        var totals = Totals(categories.Count, series);
        var max = Math.Max(1, totals.DefaultIfEmpty(0).Max());
        var plot = HorizontalWidth - LabelWidth - 50;
        var height = (categories.Count * RowHeight) + 10;
        var svg = Open(title, Describe(categories, series), HorizontalWidth, height);
        for (var c = 0; c < categories.Count; c++)
        {
            var y = 5 + (c * RowHeight);
            Text(svg, LabelWidth - 8, y + 14, Clip(categories[c], 9), "end", null);
            double x = LabelWidth;
            foreach (var s in series)
            {
                var w = s.Values[c] * (double)plot / max;
                if (s.Values[c] > 0)
                {
                    Rect(svg, x, y + 2, w, BarHeight, s.Colour, $"{categories[c]} · {s.Name}：{s.Values[c]}");
                }

                x += w;
            }

            Text(svg, x + 5, y + 15, totals[c].ToString(CultureInfo.InvariantCulture), "start", "value");
        }

        return Close(svg, series);
    }

    /// <summary>One column per category, its series stacked bottom to top, the total above it.</summary>
    public static IHtmlContent Vertical(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series)
    {
        var totals = Totals(categories.Count, series);
        var max = Math.Max(1, totals.DefaultIfEmpty(0).Max());
        const int top = 18;
        const int plot = 170;
        const int left = 10;
        var height = top + plot + 40;
        var step = (double)(VerticalWidth - left) / Math.Max(1, categories.Count);
        var column = Math.Min(56, step * 0.6);
        var svg = Open(title, Describe(categories, series), VerticalWidth, height);
        Line(svg, left, top + plot, VerticalWidth, top + plot);
        for (var c = 0; c < categories.Count; c++)
        {
            var x = left + (c * step) + ((step - column) / 2);
            double y = top + plot;
            foreach (var s in series)
            {
                var h = s.Values[c] * (double)plot / max;
                if (s.Values[c] > 0)
                {
                    Rect(svg, x, y - h, column, h, s.Colour, $"{categories[c]} · {s.Name}：{s.Values[c]}");
                }

                y -= h;
            }

            Text(svg, x + (column / 2), y - 4, totals[c].ToString(CultureInfo.InvariantCulture), "middle", "value");
            Text(svg, x + (column / 2), top + plot + 16, categories[c], "middle", null);
        }

        return Close(svg, series);
    }

    private static int[] Totals(int count, IReadOnlyList<ChartSeries> series)
    {
        var totals = new int[count];
        foreach (var s in series)
        {
            for (var c = 0; c < count; c++)
            {
                totals[c] += s.Values[c];
            }
        }

        return totals;
    }

    private static string Describe(IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series) =>
        string.Join("；", categories.Select((c, i) => $"{c}：{string.Join("，", series.Select(s => $"{s.Name} {s.Values[i]}"))}"));

    private static HtmlContentBuilder Open(string title, string description, int width, int height)
    {
        var svg = new HtmlContentBuilder();
        svg.AppendHtml($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"");
        svg.Append(title);
        svg.AppendHtml("\"><title>");
        svg.Append(title);
        svg.AppendHtml("</title><desc>");
        svg.Append(description);
        svg.AppendHtml("</desc>");
        return svg;
    }

    private static HtmlContentBuilder Close(HtmlContentBuilder svg, IReadOnlyList<ChartSeries> series)
    {
        svg.AppendHtml("</svg><div class=\"legend\">");
        foreach (var s in series)
        {
            svg.AppendHtml($"<span><svg viewBox=\"0 0 10 10\" aria-hidden=\"true\"><rect width=\"10\" height=\"10\" fill=\"{s.Colour}\"/></svg> ");
            svg.Append(s.Name);
            svg.AppendHtml("</span>");
        }

        svg.AppendHtml("</div>");
        return svg;
    }

    private static void Rect(HtmlContentBuilder svg, double x, double y, double w, double h, string colour, string tip)
    {
        svg.AppendHtml($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\" fill=\"{colour}\"><title>");
        svg.Append(tip);
        svg.AppendHtml("</title></rect>");
    }

    private static void Line(HtmlContentBuilder svg, double x1, double y1, double x2, double y2) =>
        svg.AppendHtml($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"#9aa5b1\" stroke-width=\"1\"/>");

    private static void Text(HtmlContentBuilder svg, double x, double y, string text, string anchor, string? cssClass)
    {
        svg.AppendHtml($"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\"{(cssClass is null ? "" : $" class=\"{cssClass}\"")}>");
        svg.Append(text);
        svg.AppendHtml("</text>");
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
