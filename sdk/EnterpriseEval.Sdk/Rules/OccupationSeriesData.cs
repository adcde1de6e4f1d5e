using System.Reflection;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>
/// The project's default occupation → series (and specialty) correspondence (专业对应关系, 96号 二（一）), read once from
/// the data file <c>sdk/EnterpriseEval.Sdk/Data/occupation-series.csv</c> embedded in the SDK. The file names its source
/// and why it is a project default (docs/rules.md "The series of a title path").
/// </summary>
internal static class OccupationSeriesData
{
    /// <summary>The resource name of the embedded data file.</summary>
    internal const string ResourceName = "EnterpriseEval.Sdk.Data.occupation-series.csv";

    private static readonly Lazy<IReadOnlyList<Row>> LazyRows = new(() => Parse(ReadResource()));

    /// <summary>One row of the file: an occupation, the roster names that mean it, its series and specialty.</summary>
    internal sealed record Row(string Occupation, string[] Aliases, TitleSeries Series, string Specialty, string Basis);

    /// <summary>The rows of the embedded file, in file order.</summary>
    internal static IReadOnlyList<Row> Rows => LazyRows.Value;

    /// <summary>Parses the file's text; a malformed row is a build defect, reported with its line.</summary>
    internal static IReadOnlyList<Row> Parse(string text)
    {
        var rows = new List<Row>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var headerSeen = false;
        var lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (!headerSeen)
            {
                headerSeen = true;
                if (!line.StartsWith("occupation,aliases,series,specialty", StringComparison.Ordinal))
                {
                    throw Bad(lineNo, "the header must be occupation,aliases,series,specialty,basis");
                }

                continue;
            }

            var cells = line.Split(',');
            if (cells.Length != 5)
            {
                throw Bad(lineNo, $"expected 5 columns, found {cells.Length}");
            }

            var occupation = cells[0].Trim();
            if (occupation.Length == 0)
            {
                throw Bad(lineNo, "the occupation is empty");
            }

            if (!Vocabulary.TryParse<TitleSeries>(cells[2].Trim(), out var series))
            {
                throw Bad(lineNo, $"unknown series '{cells[2]}'");
            }

            var aliases = cells[1].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var name in aliases.Prepend(occupation))
            {
                if (!seen.Add(name))
                {
                    throw Bad(lineNo, $"'{name}' is listed twice");
                }
            }

            rows.Add(new Row(occupation, aliases, series, cells[3].Trim(), cells[4].Trim()));
        }

        return rows;
    }

    private static string ReadResource()
    {
        using var stream = typeof(OccupationSeriesData).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The SDK lacks its embedded resource {ResourceName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static InvalidOperationException Bad(int line, string problem) =>
        new($"{ResourceName} line {line}: {problem}.");
}
