using System.Text;
using CsCheck;

namespace EnterpriseEval.Engine.Tests.Fuzzing;

/// <summary>What one mutation does to a roster file.</summary>
internal enum MutationKind
{
    FlipByte,
    InsertSnippet,
    Truncate,
    DuplicateColumn,
    DropColumn,
    SetField,
    HugeField,
    DropLine,
    DuplicateLine,
    ReencodeGb18030,
    AddBom,
    DropFile,
    RenameFile,
    CopyFile,
}

/// <summary>
/// One change to one file of a roster seeded from a sample: positions are taken modulo the file's length (lines,
/// columns), so a mutation stays meaningful whatever was done to the file before, and CsCheck can shrink it.
/// </summary>
internal sealed record RosterMutation(MutationKind Kind, int File, int Position, int Column, int Value)
{
    /// <summary>Bytes and values a careless or hostile user puts into a roster.</summary>
    internal static readonly string[] Values =
    [
        "", " ", "\"", "\"\"", "\"a\"b", ",", ",,,,", "\n", "\r", "\r\n", "\0", "\uFEFF", "\t", "\t=1+1", "=1+1", "+1", "-1", "@SUM(A1)",
        "2020-02-30", "2020-13-01", "2020年13月1日", "2019年4月", "1900-01-01", "0001-01-01", "9999-12-31", "2020/1/2", "2020.1.2",
        "２０２０－０１－０２", "２０２０年１月２日", "45000", "0", "2958466", "-45000", "1e308", "NaN", "99999999999999999999",
        "ＨＭ０００１", "HM0001", "hm0001", "HM0001 ", "36010219710308051X", "３６０１０２１９７１０３０８０５１ｘ", "360102197103080",
        "yes", "no", "是", "否", "skill", "management", "technician", "professional", "高级技师", "技师", "正高级", "合格", "优秀",
        "<script>alert(1)</script>", "\u202E\u202D", "\u001B[31m", "💥", "\uD800", "\u0085", "\u2028", "ＡＢＣ", "　", "null", "NULL",
    ];

    /// <summary>Snippets inserted at a byte position: CSV syntax, NUL, BOMs, GBK and broken UTF-8.</summary>
    internal static readonly byte[][] Snippets =
    [
        "\""u8.ToArray(), ","u8.ToArray(), "\n"u8.ToArray(), "\r"u8.ToArray(), "\r\n"u8.ToArray(), [0], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE],
        [0xD6, 0xD0, 0xCE, 0xC4], [0xB9, 0xA4, 0xBA, 0xC5], [0x81, 0x30, 0x81, 0x30], [0xC3], [0xE4, 0xB8], [0x80], "\"\""u8.ToArray(),
        "\",\""u8.ToArray(), "\n\n\n"u8.ToArray(), ",\"\n"u8.ToArray(), "\t"u8.ToArray(), [0x1A],
    ];

    /// <summary>Names a file may be given instead: the Chinese table names, other case, names of no table.</summary>
    internal static readonly string[] Names =
    [
        "员工.csv", "员工信息.csv", "技能证书.csv", "职称.csv", "年度考核.csv", "荣誉.csv", "业绩.csv", "工作经历.csv", "申报.csv",
        "EMPLOYEES.CSV", "Titles.csv", "applications.csv", "extra_plugin.csv", "备注.csv",
    ];

    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;

    /// <summary>Up to <paramref name="max"/> mutations of a roster of <paramref name="files"/> files.</summary>
    internal static Gen<RosterMutation[]> Gen(int files, int max) =>
        CsCheck.Gen.Select(
            // Row-level damage most often; damage that stops the whole read (a header, an encoding, a file) less.
            CsCheck.Gen.Frequency(
                (6, CsCheck.Gen.OneOfConst(MutationKind.SetField, MutationKind.HugeField, MutationKind.InsertSnippet, MutationKind.DropLine, MutationKind.DuplicateLine)),
                (1, CsCheck.Gen.Enum<MutationKind>())),
            CsCheck.Gen.Int[0, files - 1],
            CsCheck.Gen.Int[0, 1_000_000],
            CsCheck.Gen.Int[0, 40],
            CsCheck.Gen.Int[0, 1_000_000],
            (kind, file, position, column, value) => new RosterMutation(kind, file, position, column, value))
        .Array[1, max];

    /// <summary>Applies the mutation to the files (name → bytes), in place.</summary>
    internal void Apply(SortedDictionary<string, byte[]> files)
    {
        var name = files.Keys.ElementAt(File % files.Count);
        var bytes = files[name];
        switch (Kind)
        {
            case MutationKind.FlipByte when bytes.Length > 0:
                bytes = [.. bytes];
                bytes[Position % bytes.Length] ^= (byte)(Value % 255 + 1);
                break;
            case MutationKind.InsertSnippet:
                var at = bytes.Length == 0 ? 0 : Position % (bytes.Length + 1);
                bytes = [.. bytes.AsSpan(0, at), .. Snippets[Value % Snippets.Length], .. bytes.AsSpan(at)];
                break;
            case MutationKind.Truncate:
                bytes = bytes[..(bytes.Length == 0 ? 0 : Position % bytes.Length)];
                break;
            case MutationKind.AddBom:
                bytes = [0xEF, 0xBB, 0xBF, .. bytes];
                break;
            case MutationKind.ReencodeGb18030:
                bytes = Gb18030.GetBytes(Encoding.UTF8.GetString(bytes));
                break;
            case MutationKind.DropFile when files.Count > 1:
                files.Remove(name);
                return;
            case MutationKind.RenameFile:
                files.Remove(name);
                files[Names[Value % Names.Length]] = bytes;
                return;
            case MutationKind.CopyFile:
                files[Names[Value % Names.Length]] = bytes;
                return;
            default:
                bytes = Encoding.UTF8.GetBytes(EditLines(Encoding.UTF8.GetString(bytes)));
                break;
        }

        files[name] = bytes;
    }

    public override string ToString() => $"{Kind}(file {File}, at {Position}, column {Column}, value {Value})";

    private string EditLines(string text)
    {
        var lines = text.Split('\n').ToList();
        var line = Position % lines.Count;
        switch (Kind)
        {
            case MutationKind.DuplicateColumn:
                for (var i = 0; i < lines.Count; i++)
                {
                    var fields = lines[i].Split(',').ToList();
                    var c = Column % fields.Count;
                    fields.Insert(c, fields[c]);
                    lines[i] = string.Join(',', fields);
                }

                break;
            case MutationKind.DropColumn:
                for (var i = 0; i < lines.Count; i++)
                {
                    var fields = lines[i].Split(',').ToList();
                    fields.RemoveAt(Column % fields.Count);
                    lines[i] = string.Join(',', fields);
                }

                break;
            case MutationKind.SetField:
            case MutationKind.HugeField:
            {
                var fields = lines[line].Split(',');
                fields[Column % fields.Length] = Kind == MutationKind.SetField
                    ? Values[Value % Values.Length]
                    : new string(Value % 2 == 0 ? 'x' : '中', Value % 300_000);
                lines[line] = string.Join(',', fields);
                break;
            }

            case MutationKind.DropLine:
                lines.RemoveAt(line);
                break;
            case MutationKind.DuplicateLine:
                lines.Insert(line, lines[line]);
                break;
        }

        return string.Join('\n', lines);
    }
}
