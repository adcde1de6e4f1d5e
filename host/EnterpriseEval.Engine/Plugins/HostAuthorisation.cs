using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EnterpriseEval.Sdk.Model;
using Microsoft.Extensions.Configuration;

namespace EnterpriseEval.Engine.Plugins;

/// <summary>
/// The enterprise's review authorisation as the host is configured with it (docs/plugins.md, "Review authorisation"):
/// section <c>EnterpriseEval:Authorisation</c> of appsettings.json or <c>--config</c> (<c>Body</c>, <c>DocumentNo</c>,
/// <c>Series</c>, <c>HighestLevel</c>, <c>ValidFrom</c>, <c>ValidUntil</c>), or the same fields in a JSON file the
/// administrator installs, named by <c>EnterpriseEval:Authorisation:File</c>. A plug-in manifest can only narrow it.
/// </summary>
internal static class HostAuthorisation
{
    public const string SectionName = "EnterpriseEval:Authorisation";

    /// <summary>The configured authorisation, or null when none is configured.</summary>
    /// <exception cref="UserFacingException">A field is missing or malformed, or the file cannot be read; naming the key or file.</exception>
    public static ReviewAuthorisation? Read(IConfiguration configuration) => Read(configuration, out _);

    /// <summary>The configured authorisation and the file it was read from (null when inline or not configured).</summary>
    public static ReviewAuthorisation? Read(IConfiguration configuration, out string? file)
    {
        var section = configuration.GetSection(SectionName);
        file = null;
        if (section["File"] is { Length: > 0 } path)
        {
            file = Path.GetFullPath(path);
            if (!File.Exists(file))
            {
                throw new UserFacingException($"找不到自主评审授权文件：{file}（{SectionName}:File）");
            }

            IConfiguration fromFile;
            try
            {
                fromFile = new ConfigurationBuilder().AddJsonFile(file, optional: false, reloadOnChange: false).Build();
            }
            catch (Exception e) when (e is InvalidDataException or FormatException or IOException)
            {
                throw new UserFacingException($"自主评审授权文件 {file} 不是有效的 JSON：{e.Message}");
            }

            return Parse(fromFile, $"自主评审授权文件 {file} 的字段 ");
        }

        return section.GetChildren().Any() ? Parse(section, $"配置 {SectionName}:") : null;
    }

    /// <summary>The authorisation as configuration keys under <see cref="SectionName"/>: how a review batch records it.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ToConfiguration(ReviewAuthorisation a)
    {
        yield return new($"{SectionName}:Body", a.Body);
        yield return new($"{SectionName}:DocumentNo", a.DocumentNo);
        var i = 0;
        foreach (var s in a.Series.Order())
        {
            yield return new($"{SectionName}:Series:{i++}", s.ToCode());
        }

        yield return new($"{SectionName}:HighestLevel", a.HighestLevel.ToCode());
        yield return new($"{SectionName}:ValidFrom", a.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        yield return new($"{SectionName}:ValidUntil", a.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>SHA-256 of the authorisation's canonical form: what a review batch's audit entry records.</summary>
    public static string Sha256(ReviewAuthorisation a) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', ToConfiguration(a).Select(kv => $"{kv.Key}={kv.Value}")))));

    private static ReviewAuthorisation Parse(IConfiguration c, string where)
    {
        string Text(string key) =>
            c[key] is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : throw new UserFacingException($"{where}{key} 缺少或为空");

        DateOnly Date(string key) =>
            DateOnly.TryParseExact(Text(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw new UserFacingException($"{where}{key} 日期格式应为 YYYY-MM-DD");

        var series = new HashSet<TitleSeries>();
        foreach (var s in c.GetSection("Series").GetChildren().Select(x => x.Value).Concat(c["Series"] is { } one ? [one] : []))
        {
            series.Add(Vocabulary.TryParse<TitleSeries>(s, out var parsed)
                ? parsed
                : throw new UserFacingException($"{where}Series 含未知职称系列 {s}"));
        }

        if (series.Count == 0)
        {
            throw new UserFacingException($"{where}Series 缺少（应为职称系列数组，如 [\"engineering\"]）");
        }

        var highest = Vocabulary.TryParse<TitleLevel>(Text("HighestLevel"), out var level)
            ? level
            : throw new UserFacingException($"{where}HighestLevel 是未知职称层级，可用值：{Vocabulary.Describe<TitleLevel>()}");
        var (from, until) = (Date("ValidFrom"), Date("ValidUntil"));
        if (from > until)
        {
            throw new UserFacingException($"{where}ValidFrom 晚于 ValidUntil");
        }

        return new ReviewAuthorisation(Text("Body"), Text("DocumentNo"), series, highest, from, until);
    }
}
