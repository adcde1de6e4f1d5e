using System.Globalization;
using EnterpriseEval.Service.Problems;

namespace EnterpriseEval.Service.Endpoints;

/// <summary>Parsing of query and body values with a Chinese problem naming the parameter.</summary>
internal static class Query
{
    public static DateOnly? Date(string name, string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw ApiProblem.BadRequest($"参数 {name} 的值“{text}”不是日期：应为 YYYY-MM-DD，如 2026-12-31", new Dictionary<string, object?> { ["parameter"] = name });

    public static int Int(string name, string? text, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw ApiProblem.BadRequest($"参数 {name} 的值“{text}”无效：应为 {min}–{max} 之间的整数", new Dictionary<string, object?> { ["parameter"] = name });
    }
}
