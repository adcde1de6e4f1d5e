using System.Globalization;
using System.Text.Json;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Plugins;

/// <summary>Reads <c>plugin.json</c>; every problem is a <see cref="PluginLoadException"/> naming the file and the field.</summary>
internal static class PluginManifestReader
{
    public static PluginManifest Read(string folder)
    {
        var path = Path.Combine(folder, PluginManifest.FileName);
        if (!File.Exists(path))
        {
            throw new PluginLoadException(Path.GetFileName(folder), $"缺少清单文件 {PluginManifest.FileName}");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new PluginLoadException(Path.GetFileName(folder), $"{PluginManifest.FileName} 不是有效的 JSON（第{e.LineNumber + 1}行）");
        }

        using (doc)
        {
            var root = doc.RootElement;
            var id = Text(root, "id", folder);
            var reader = new FieldReader(id);
            return new PluginManifest(
                id,
                reader.Text(root, "name"),
                reader.Text(root, "enterprise"),
                reader.Version(root, "version"),
                reader.OptionalVersion(root, "sdkVersion"),
                reader.Text(root, "assembly"),
                reader.Text(root, "entryType"),
                root.TryGetProperty("authorisation", out var auth) && auth.ValueKind == JsonValueKind.Object
                    ? reader.Authorisation(auth)
                    : null)
            {
                Scope = root.TryGetProperty("scope", out var scope) && scope.ValueKind != JsonValueKind.Null ? reader.Scope(scope) : null,
            };
        }
    }

    private static string Text(JsonElement root, string name, string folder) =>
        new FieldReader(Path.GetFileName(folder)).Text(root, name);

    private sealed class FieldReader(string plugin)
    {
        public string Text(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
                ? v.GetString()!.Trim()
                : throw Bad(name, "缺少或为空");

        public Version Version(JsonElement e, string name) =>
            System.Version.TryParse(Text(e, name), out var v) ? v : throw Bad(name, "不是版本号（如 1.0.0）");

        // Absent (or null): the loader takes the SDK version from the assembly's stamp, and refuses a plug-in without one.
        public Version? OptionalVersion(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? Version(e, name) : null;

        public ReviewAuthorisation Authorisation(JsonElement e)
        {
            var series = new HashSet<TitleSeries>();
            if (!e.TryGetProperty("series", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw Bad("authorisation.series", "缺少（应为职称系列数组）");
            }

            foreach (var s in list.EnumerateArray())
            {
                series.Add(Vocabulary.TryParse<TitleSeries>(s.GetString(), out var parsed)
                    ? parsed
                    : throw Bad("authorisation.series", $"未知职称系列 {s}"));
            }

            var highest = Vocabulary.TryParse<TitleLevel>(Text(e, "highestLevel"), out var level)
                ? level
                : throw Bad("authorisation.highestLevel", $"未知职称层级，可用值：{Vocabulary.Describe<TitleLevel>()}");
            return new ReviewAuthorisation(Text(e, "body"), Text(e, "documentNo"), series, highest, Date(e, "validFrom"), Date(e, "validUntil"));
        }

        /// <summary>
        /// <c>scope</c>: an object with exactly one field, <c>enterpriseCodes</c>, a non-empty array of distinct 单位代码
        /// (full-width letters and digits narrowed, as the roster reads the column). Anything else refuses the plug-in:
        /// a scope read loosely would let a plug-in govern employees it was not meant for (docs/plugins.md, "Scope").
        /// </summary>
        public PluginScope Scope(JsonElement e)
        {
            const string Hint = "应为 {\"enterpriseCodes\": [\"单位代码\", …]}，对应花名册 employees.csv 的 enterprise_code（单位代码）列；插件适用于全部员工时请删去 scope";
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw Bad("scope", Hint);
            }

            foreach (var property in e.EnumerateObject())
            {
                if (property.Name != "enterpriseCodes")
                {
                    throw Bad("scope." + property.Name, "无法识别：scope 只能含 enterpriseCodes（单位代码数组）");
                }
            }

            if (!e.TryGetProperty("enterpriseCodes", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            {
                throw Bad("scope.enterpriseCodes", "缺少或为空：" + Hint);
            }

            var codes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
                {
                    throw Bad("scope.enterpriseCodes", $"含空的或不是文本的单位代码（{item.GetRawText()}）");
                }

                var code = Roster.Fields.FullWidth.ToNarrowString(item.GetString()!.Trim());
                if (!codes.Add(code))
                {
                    throw Bad("scope.enterpriseCodes", $"单位代码 {code} 重复");
                }
            }

            return new PluginScope(codes);
        }

        private DateOnly Date(JsonElement e, string name) =>
            DateOnly.TryParseExact(Text(e, name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw Bad("authorisation." + name, "日期格式应为 YYYY-MM-DD");

        private PluginLoadException Bad(string field, string problem) =>
            new(plugin, $"{PluginManifest.FileName} 字段 {field} {problem}");
    }
}
