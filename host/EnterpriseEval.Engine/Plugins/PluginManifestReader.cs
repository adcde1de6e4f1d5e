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
                    : null);
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

        private DateOnly Date(JsonElement e, string name) =>
            DateOnly.TryParseExact(Text(e, name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw Bad("authorisation." + name, "日期格式应为 YYYY-MM-DD");

        private PluginLoadException Bad(string field, string problem) =>
            new(plugin, $"{PluginManifest.FileName} 字段 {field} {problem}");
    }
}
