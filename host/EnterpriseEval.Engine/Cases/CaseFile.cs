using System.Globalization;
using EnterpriseEval.Engine.Roster.Fields;
using EnterpriseEval.Engine.Roster.Sources;
using EnterpriseEval.Sdk.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EnterpriseEval.Engine.Cases;

/// <summary>
/// A case file (docs/test-cases.md): YAML holding one or more <see cref="ScreeningCase"/>s, with English or Chinese
/// keys. Reading checks the shape and every key and value that is the case's own (names, dates, paths, outcomes,
/// levels); the employee's facts are checked only when the case runs, by the roster's own reader.
/// </summary>
public static class CaseFile
{
    /// <summary>The file extensions read as case files in a folder.</summary>
    private static readonly string[] Extensions = [".yaml", ".yml"];

    /// <summary>Reads one case file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>Its cases, in file order.</returns>
    /// <exception cref="CaseFileException">The file cannot be read or is not a valid case file; the message names the
    /// file, line and column.</exception>
    public static IReadOnlyList<ScreeningCase> Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CaseFileException(path, 0, 0, $"无法读取用例文件：{e.Message}", e);
        }

        return Parse(path, text);
    }

    /// <summary>
    /// Reads case files and folders: a folder stands for every <c>*.yaml</c> and <c>*.yml</c> file in it and its
    /// sub-folders, in name order.
    /// </summary>
    /// <param name="paths">Files or folders.</param>
    /// <returns>Every case, file by file.</returns>
    /// <exception cref="CaseFileException">A path does not exist, a folder holds no case file, or a file is not a valid
    /// case file.</exception>
    public static IReadOnlyList<ScreeningCase> LoadAll(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var cases = new List<ScreeningCase>();
        foreach (var file in Files(paths))
        {
            cases.AddRange(Load(file));
        }

        return cases;
    }

    /// <summary>The case files that <paramref name="paths"/> name: files as given, folders expanded.</summary>
    /// <param name="paths">Files or folders.</param>
    /// <returns>The files, in the order given (a folder's in name order).</returns>
    /// <exception cref="CaseFileException">A path does not exist, or a folder holds no case file.</exception>
    public static IReadOnlyList<string> Files(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0)
                {
                    throw new CaseFileException(path, 0, 0, "文件夹中没有用例文件（*.yaml 或 *.yml）");
                }

                files.AddRange(found);
            }
            else if (System.IO.File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new CaseFileException(path, 0, 0, "找不到用例文件或文件夹");
            }
        }

        return files;
    }

    /// <summary>Reads the cases of a case file's text.</summary>
    /// <param name="file">The file name used in messages and in <see cref="ScreeningCase.File"/>.</param>
    /// <param name="yaml">The file's text.</param>
    /// <returns>Its cases.</returns>
    /// <exception cref="CaseFileException">Not a valid case file.</exception>
    public static IReadOnlyList<ScreeningCase> Parse(string file, string yaml)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new CaseFileException(file, (int)e.Start.Line, (int)e.Start.Column, $"不是有效的 YAML：{Plain(e)}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's representation model gives up on some unclosed flow collections ({… or […) without a mark:
            // the event parser then says where the text stops making sense.
            var (line, column, problem) = Locate(yaml);
            throw new CaseFileException(file, line, column, $"不是有效的 YAML：{problem ?? "花括号 { } 或方括号 [ ] 未配对"}", e);
        }

        if (stream.Documents.Count == 0)
        {
            throw new CaseFileException(file, 0, 0, "用例文件是空的");
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            throw new CaseFileException(file, Line(second), Column(second), "用例文件只能有一个 YAML 文档（不要用 --- 分隔多个文档），请把用例都列在 cases（用例）下");
        }

        return new Reader(file).Read(stream.Documents[0].RootNode);
    }

    private static (int Line, int Column, string? Problem) Locate(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                last = parser.Current!.End;
            }
        }
        catch (YamlException e)
        {
            return ((int)e.Start.Line, (int)e.Start.Column, Plain(e));
        }
        catch (InvalidOperationException)
        {
            // The last event read is the best place there is.
        }

        return ((int)Math.Max(1, last.Line), (int)Math.Max(1, last.Column), null);
    }

    private static string Plain(YamlException e)
    {
        // YamlDotNet's message begins with the place, which the Chinese message already gives.
        var message = e.InnerException?.Message ?? e.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        message = message.StartsWith("(Line:", StringComparison.Ordinal) && close > 0 ? message[(close + 3)..] : message;

        // The usual mistakes said in Chinese, YamlDotNet's own words kept after them for whoever looks further.
        var said = YamlMistakes.FirstOrDefault(m => message.Contains(m.English, StringComparison.OrdinalIgnoreCase)).Chinese;
        return said is null ? message : $"{said}（{message.TrimEnd('.')}）";
    }

    private static readonly (string English, string Chinese)[] YamlMistakes =
    [
        ("found unexpected end of stream", "引号未闭合：文件在引号内结束"),
        ("did not find expected ',' or ']'", "方括号 [ ] 未闭合，或列表项之间缺少逗号"),
        ("did not find expected ',' or '}'", "花括号 { } 未闭合，或各项之间缺少逗号"),
        ("mapping values are not allowed in this context", "此处不能写“键: 值”：检查缩进，或给含冒号的值加引号"),
        ("found invalid mapping", "此处不能写“键: 值”：检查缩进，或给含冒号的值加引号"),
        ("could not find expected ':'", "缺少冒号：应写成“键: 值”"),
        ("did not find expected key", "此处应为“键: 值”：检查缩进是否与上一行对齐"),
        ("did not find expected node content", "此处缺少内容：冒号或短横线后应有值"),
        ("tab", "缩进中有制表符（Tab）：YAML 只能用空格缩进"),
        ("found character that cannot start any token", "出现不能开始任何内容的字符（如 Tab、@ 或 `）"),
        ("duplicate key", "同一层级中键重复"),
    ];

    internal static int Line(YamlNode node) => (int)node.Start.Line;

    internal static int Column(YamlNode node) => (int)node.Start.Column;

    /// <summary>Reads one file's nodes, naming the file in every problem.</summary>
    private sealed class Reader(string file)
    {
        // Keys, English and Chinese (docs/test-cases.md, "Keys").
        private static readonly Key Cases = new("cases", "用例");
        private static readonly Key Name = new("name", "名称");
        private static readonly Key Description = new("description", "说明");
        private static readonly Key AsOf = new("as_of", "截止日期");
        private static readonly Key Plugins = new("plugins", "插件");
        private static readonly Key Options = new("options", "配置");
        private static readonly Key Employee = new("employee", "员工");
        private static readonly Key ExtraFiles = new("extra_files", "其他文件");
        private static readonly Key Expect = new("expect", "预期");
        private static readonly Key OutcomeKey = new("outcome", "结论");
        private static readonly Key Earliest = new("earliest_eligible_on", "最早可申报日期");
        private static readonly Key Level = new("level", "级别");
        private static readonly Key Rules = new("rules", "规则");
        private static readonly Key AbsentRules = new("absent_rules", "不含规则");

        private static readonly Key[] CaseKeys = [Name, Description, AsOf, Plugins, Options, Employee, ExtraFiles, Expect];

        // The tables of an employee other than employees.csv, by their CSV names or the Chinese sheet names (docs/roster.md).
        private static readonly string[] RowTables =
            ["skill_certificates", "titles", "assessments", "honours", "achievements", "work_periods", "applications"];

        // Short forms HR staff write (the outcomes' own Chinese names are accepted too).
        private static readonly Dictionary<string, Outcome> OutcomeAliases = new(StringComparer.Ordinal)
        {
            ["符合"] = Sdk.Model.Outcome.Eligible,
            ["不符合"] = Sdk.Model.Outcome.NotEligible,
            ["需复核"] = Sdk.Model.Outcome.NeedsReview,
            ["超出权限"] = Sdk.Model.Outcome.OutOfScope,
            ["超出授权"] = Sdk.Model.Outcome.OutOfScope,
        };

        private static readonly string[] NoneWords = ["无", "none", "空", ""];
        private static readonly string[] NoDecisionWords = ["无判定", "none", "no_decision"];

        public IReadOnlyList<ScreeningCase> Read(YamlNode root)
        {
            YamlNode casesNode;
            Defaults defaults = new(null, [], new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase));
            if (root is YamlSequenceNode)
            {
                casesNode = root;
            }
            else if (root is YamlMappingNode top)
            {
                Known(top, [Cases, AsOf, Plugins, Options], "用例文件");
                casesNode = Find(top, Cases) ?? throw Problem(top, "用例文件中没有 cases（用例）：请在 cases 下列出一个或多个用例");
                defaults = new(
                    Find(top, AsOf) is { } d ? Date(d, AsOf) : null,
                    Find(top, Plugins) is { } p ? Ids(p) : [],
                    Find(top, Options) is { } o ? Settings(o) : defaults.Options);
            }
            else
            {
                throw Problem(root, "用例文件应为 cases（用例）下的用例列表");
            }

            if (casesNode is not YamlSequenceNode list || list.Children.Count == 0)
            {
                throw Problem(casesNode, "cases（用例）应为用例列表（每个用例以“- ”开头），且至少有一个用例");
            }

            var cases = new List<ScreeningCase>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in list.Children)
            {
                var one = Case(node, defaults);
                if (!names.Add(one.Name))
                {
                    throw Problem(node, $"用例名称“{one.Name}”在本文件中重复：每个用例的名称应各不相同，才能从结果中认出它");
                }

                cases.Add(one);
            }

            return cases;
        }

        private ScreeningCase Case(YamlNode node, Defaults defaults)
        {
            if (node is not YamlMappingNode map)
            {
                throw Problem(node, "每个用例应为键值对（名称、截止日期、员工、预期……）");
            }

            var name = Scalar(Find(map, Name) ?? throw Problem(map, "用例缺少 name（名称）"), Name);
            if (name.Length == 0)
            {
                throw Problem(map, "用例的 name（名称）是空的");
            }

            // The same key written twice, in English and in Chinese (or two names of one table), is a mistake.
            var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (keyNode, _) in map.Children)
            {
                var key = KeyText(keyNode);
                var canonical = CaseKeys.FirstOrDefault(k => k.Is(key))?.English ?? RosterSheetNames.TableName(key);
                if (Employee.Is(key) || canonical.Equals("employees", StringComparison.OrdinalIgnoreCase))
                {
                    canonical = "employee";
                }

                if (!seen.TryAdd(canonical, key))
                {
                    throw Problem(keyNode, $"“{key}”与“{seen[canonical]}”是同一个键，只能写一次");
                }
            }

            var tables = new List<CaseTable>();
            string? employeeHeader = null;
            string? employeeId = null;
            foreach (var (keyNode, value) in map.Children)
            {
                var key = KeyText(keyNode);
                if (Name.Is(key) || Description.Is(key) || AsOf.Is(key) || Plugins.Is(key) || Options.Is(key) || Expect.Is(key))
                {
                    continue;
                }

                if (Employee.Is(key) || RosterSheetNames.TableName(key).Equals("employees", StringComparison.OrdinalIgnoreCase))
                {
                    if (value is not YamlMappingNode row)
                    {
                        throw Problem(value, $"{key} 应为一名员工的各列（如 工号: E1、姓名: 张三……），写法同 employees.csv 的一行");
                    }

                    var table = Table("employees", key, [row]);
                    employeeHeader = table.Header.FirstOrDefault(IsEmployeeIdHeader);
                    if (employeeHeader is null)
                    {
                        // The 工号 may be left out: the case's employee is E1.
                        employeeHeader = "工号";
                        employeeId = "E1";
                        table = table with { Header = [employeeHeader, .. table.Header], Rows = [["E1", .. table.Rows[0]]] };
                    }
                    else
                    {
                        employeeId = table.Rows[0][table.Header.ToList().IndexOf(employeeHeader)];
                    }

                    tables.Insert(0, table);
                    continue;
                }

                if (ExtraFiles.Is(key))
                {
                    if (value is not YamlMappingNode files)
                    {
                        throw Problem(value, "extra_files（其他文件）应按文件名列出各表的行，如 skill_scores: [ {工号: E1, 积分: 80} ]");
                    }

                    foreach (var (fileKey, rows) in files.Children)
                    {
                        var fileName = KeyText(fileKey);
                        var table = fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? fileName[..^4] : fileName;
                        if (table.Length == 0 || RowTables.Contains(RosterSheetNames.TableName(table), StringComparer.OrdinalIgnoreCase)
                            || RosterSheetNames.TableName(table).Equals("employees", StringComparison.OrdinalIgnoreCase))
                        {
                            throw Problem(fileKey, $"“{fileName}”不是插件的其他文件：花名册自己的表请直接写在用例下（如 职称:、titles:）");
                        }

                        tables.Add(Table(table, fileName, Rows(rows, fileName)));
                    }

                    continue;
                }

                var tableName = RosterSheetNames.TableName(key);
                if (RowTables.Contains(tableName, StringComparer.OrdinalIgnoreCase))
                {
                    tables.Add(Table(tableName.ToLowerInvariant(), key, Rows(value, key)));
                    continue;
                }

                throw Problem(keyNode, $"无法识别的键“{key}”。用例的键：name（名称）、description（说明）、as_of（截止日期）、plugins（插件）、options（配置）、" +
                    "employee（员工）、skill_certificates（技能证书）、titles（职称）、assessments（年度考核）、honours（荣誉）、achievements（业绩成果）、" +
                    "work_periods（工作经历）、applications（申报）、extra_files（其他文件）、expect（预期）");
            }

            if (employeeHeader is null)
            {
                throw Problem(map, $"用例“{name}”缺少 employee（员工）：员工的各列，写法同 employees.csv 的一行");
            }

            // Rows of the other tables belong to the case's employee unless they say otherwise.
            for (var i = 1; i < tables.Count; i++)
            {
                var t = tables[i];
                if (!t.Header.Any(IsEmployeeIdHeader))
                {
                    tables[i] = t with { Header = [employeeHeader, .. t.Header], Rows = [.. t.Rows.Select(r => (string[])[employeeId!, .. r])] };
                }
            }

            var asOf = Find(map, AsOf) is { } a ? Date(a, AsOf)
                : defaults.AsOf ?? throw Problem(map, $"用例“{name}”缺少 as_of（截止日期），例如 截止日期: 2026-12-31");
            var options = new Dictionary<string, string?>(defaults.Options, StringComparer.OrdinalIgnoreCase);
            if (Find(map, Options) is { } o)
            {
                foreach (var (k, v) in Settings(o))
                {
                    options[k] = v;
                }
            }

            var expectNode = Find(map, Expect) ?? throw Problem(map, $"用例“{name}”缺少 expect（预期）：至少写明一条路径的结论");
            return new ScreeningCase(
                file,
                Line(map),
                name,
                Find(map, Description) is { } d ? Scalar(d, Description) : "",
                asOf,
                Find(map, Plugins) is { } p ? Ids(p) : defaults.Plugins,
                options,
                tables,
                Expectations(expectNode));
        }

        private static bool IsEmployeeIdHeader(string header) => Roster.Tables.RosterColumn.EmployeeId.Matches(header.Trim());

        private List<YamlMappingNode> Rows(YamlNode node, string key) =>
            node switch
            {
                YamlSequenceNode seq => [.. seq.Children.Select(r => r as YamlMappingNode
                    ?? throw Problem(r, $"{key} 的每一行应为键值对（列名: 值），写法同 CSV 文件的一行"))],
                YamlMappingNode one => [one],
                _ => throw Problem(node, $"{key} 应为行的列表，每行是键值对（列名: 值），写法同 CSV 文件的一行"),
            };

        private CaseTable Table(string name, string key, IReadOnlyList<YamlMappingNode> rows)
        {
            var header = new List<string>();
            foreach (var row in rows)
            {
                foreach (var (k, v) in row.Children)
                {
                    var column = KeyText(k);
                    if (v is not YamlScalarNode)
                    {
                        throw Problem(v, $"{key} 的“{column}”列应为一个值（文字、日期或数字），不能是列表或键值对");
                    }

                    if (!header.Contains(column, StringComparer.Ordinal))
                    {
                        header.Add(column);
                    }
                }
            }

            var values = rows.Select(r =>
            {
                var cells = new string[header.Count];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = r.Children.TryGetValue(new YamlScalarNode(header[i]), out var v) ? Text((YamlScalarNode)v) : "";
                }

                return cells;
            }).ToList();
            return new CaseTable(name, key, header, values, [.. rows.Select(Line)]);
        }

        private List<PathExpectation> Expectations(YamlNode node)
        {
            if (node is not YamlMappingNode map || map.Children.Count == 0)
            {
                throw Problem(node, "expect（预期）应按路径写明预期，如 技能人才评职称: {结论: 符合}");
            }

            var list = new List<PathExpectation>();
            foreach (var (keyNode, value) in map.Children)
            {
                var key = KeyText(keyNode);
                if (!Vocabulary.TryParse<ScreeningPath>(key, out var path))
                {
                    throw Problem(keyNode, $"无法识别的路径“{key}”：应为 {string.Join("、", Enum.GetValues<ScreeningPath>().Select(p => $"{p.ToChinese()}（{p.ToCode()}）"))}");
                }

                var items = value is YamlSequenceNode seq ? seq.Children : (IList<YamlNode>)[value];
                foreach (var item in items)
                {
                    list.Add(Expectation(path, item));
                }
            }

            return list;
        }

        private PathExpectation Expectation(ScreeningPath path, YamlNode node)
        {
            if (node is YamlScalarNode bare)
            {
                // 技能人才评职称: 符合 — the outcome alone.
                return ReadOutcome(path, bare, new PathExpectation(path, Line(bare)));
            }

            if (node is not YamlMappingNode map)
            {
                throw Problem(node, "路径的预期应为键值对：结论、最早可申报日期、级别、规则");
            }

            Known(map, [OutcomeKey, Earliest, Level, Rules, AbsentRules], "路径的预期");
            var expectation = new PathExpectation(path, Line(map));
            if (Find(map, OutcomeKey) is { } o)
            {
                expectation = ReadOutcome(path, o, expectation);
            }

            DateOnly? earliest = null;
            var statesEarliest = false;
            if (Find(map, Earliest) is { } e)
            {
                statesEarliest = true;
                var text = Scalar(e, Earliest);
                earliest = NoneWords.Contains(text, StringComparer.OrdinalIgnoreCase) ? null : Date(e, Earliest);
            }

            string? level = null;
            if (Find(map, Level) is { } l)
            {
                var text = Scalar(l, Level);
                level = Vocabulary.TryParse<TitleLevel>(text, out var title) ? title.ToCode()
                    : Vocabulary.TryParse<SkillLevel>(text, out var skill) ? skill.ToCode()
                    : throw Problem(l, $"无法识别的级别“{text}”：应为职称层级（助理级、中级、副高级、正高级……）或技能等级（高级工、技师、高级技师……）");
            }

            var result = new PathExpectation(path, expectation.Line)
            {
                NoDecision = expectation.NoDecision,
                Outcome = expectation.Outcome,
                StatesEarliestEligibleOn = statesEarliest,
                EarliestEligibleOn = earliest,
                Level = level,
                Rules = Find(map, Rules) is { } r ? Ids(r) : [],
                AbsentRules = Find(map, AbsentRules) is { } x ? Ids(x) : [],
            };
            if (result.NoDecision && (statesEarliest || level is not null || result.Rules.Count > 0 || result.AbsentRules.Count > 0))
            {
                throw Problem(map, "结论为“无判定”时不能再写最早可申报日期、级别或规则");
            }

            if (!result.NoDecision && result.Outcome is null && !statesEarliest && level is null && result.Rules.Count == 0 && result.AbsentRules.Count == 0)
            {
                throw Problem(map, "路径的预期是空的：至少写明结论、最早可申报日期、级别或规则之一");
            }

            return result;
        }

        private PathExpectation ReadOutcome(ScreeningPath path, YamlNode node, PathExpectation into)
        {
            var text = Scalar(node, OutcomeKey);
            if (NoDecisionWords.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                return new PathExpectation(path, into.Line) { NoDecision = true };
            }

            return Vocabulary.TryParse<Outcome>(text, out var outcome) || OutcomeAliases.TryGetValue(text, out outcome)
                ? new PathExpectation(path, into.Line) { Outcome = outcome }
                : throw Problem(node, $"无法识别的结论“{text}”：应为 {string.Join("、", Enum.GetValues<Outcome>().Select(v => $"{v.ToChinese()}（{v.ToCode()}）"))} 或 无判定（none）");
        }

        private Dictionary<string, string?> Settings(YamlNode node)
        {
            if (node is not YamlMappingNode map)
            {
                throw Problem(node, "options（配置）应为配置项及其值，如 EnterpriseEval:Policy:DefaultSeries: 工程");
            }

            var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            Flatten(map, "", settings);
            return settings;
        }

        // Nested keys and lists are written as configuration writes them: a:b:c, a:list:0.
        private void Flatten(YamlNode node, string prefix, Dictionary<string, string?> into)
        {
            switch (node)
            {
                case YamlMappingNode map:
                    foreach (var (k, v) in map.Children)
                    {
                        Flatten(v, prefix.Length == 0 ? KeyText(k) : $"{prefix}:{KeyText(k)}", into);
                    }

                    break;
                case YamlSequenceNode seq:
                    for (var i = 0; i < seq.Children.Count; i++)
                    {
                        Flatten(seq.Children[i], $"{prefix}:{i.ToString(CultureInfo.InvariantCulture)}", into);
                    }

                    break;
                case YamlScalarNode scalar:
                    into[prefix] = Text(scalar);
                    break;
                default:
                    throw Problem(node, "配置项的值应为文字、数字、列表或键值对");
            }
        }

        private IReadOnlyList<string> Ids(YamlNode node) =>
            node switch
            {
                YamlScalarNode s => Text(s) is { Length: > 0 } one ? [.. one.Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] : [],
                YamlSequenceNode seq => [.. seq.Children.Select(c => c is YamlScalarNode s ? Text(s) : throw Problem(c, "列表中的每一项应为一个编号"))],
                _ => throw Problem(node, "应为编号的列表，如 [R4, R12]"),
            };

        private DateOnly Date(YamlNode node, Key key)
        {
            var text = Scalar(node, key);
            return default(DateField).TryParse(text.Trim(), out var date, out _)
                ? date
                : throw Problem(node, $"{key} 的日期无法识别：{text}（格式应为 YYYY-MM-DD，也可写作 2026/12/31、2026.12.31 或 2026年12月31日）");
        }

        private string Scalar(YamlNode node, Key key) =>
            node is YamlScalarNode s ? Text(s) : throw Problem(node, $"{key} 应为一个值，不能是列表或键值对");

        private static string Text(YamlScalarNode node) =>
            node.Style == YamlDotNet.Core.ScalarStyle.Plain && node.Value is "~" or "null" or "Null" or "NULL" ? "" : (node.Value ?? "").Trim();

        private string KeyText(YamlNode node) =>
            node is YamlScalarNode s ? Text(s) : throw Problem(node, "键应为文字");

        private static YamlNode? Find(YamlMappingNode map, Key key)
        {
            foreach (var (k, v) in map.Children)
            {
                if (k is YamlScalarNode s && key.Is(Text(s)))
                {
                    return v;
                }
            }

            return null;
        }

        private void Known(YamlMappingNode map, Key[] keys, string what)
        {
            var seen = new HashSet<Key>();
            foreach (var (k, _) in map.Children)
            {
                var text = KeyText(k);
                var key = keys.FirstOrDefault(x => x.Is(text)) ?? throw Problem(k, $"{what}中无法识别的键“{text}”：可用的键为 {string.Join("、", keys.Select(x => x.ToString()))}");
                if (!seen.Add(key))
                {
                    throw Problem(k, $"{what}中 {key} 写了两次（英文键与中文键是同一个键）");
                }
            }
        }

        private CaseFileException Problem(YamlNode node, string problem) => new(file, Line(node), Column(node), problem);

        private sealed record Defaults(DateOnly? AsOf, IReadOnlyList<string> Plugins, Dictionary<string, string?> Options);
    }

    /// <summary>A key of the case format, in English and Chinese.</summary>
    private sealed record Key(string English, string Chinese)
    {
        public bool Is(string text) => text.Equals(English, StringComparison.OrdinalIgnoreCase) || text.Equals(Chinese, StringComparison.Ordinal);

        public override string ToString() => $"{English}（{Chinese}）";
    }
}
