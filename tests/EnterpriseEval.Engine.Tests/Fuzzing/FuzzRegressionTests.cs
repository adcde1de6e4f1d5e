using EnterpriseEval.Engine.Documents;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Tests.Documents;
using EnterpriseEval.Engine.Tests.Roster;
using EnterpriseEval.Sdk.Documents;

namespace EnterpriseEval.Engine.Tests.Fuzzing;

/// <summary>
/// Cases the fuzz properties (RosterFuzzTests, TemplateFuzzTests) found, shrunk and written out, so they are checked on
/// every run whatever the random cases are (docs/security.md "Fuzzing and property tests").
/// </summary>
public sealed class FuzzRegressionTests : IDisposable
{
    private readonly RosterFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>
    /// Seed fKVhBXvrm521: a byte neither UTF-8 nor GB18030 in skill_certificates.csv and a column named twice in the
    /// header of achievements.csv. Both reads refuse the roster with a Chinese message naming one of the two files; the
    /// whole read meets the tables in their order, the stream opens every header before reading rows, so they may name
    /// different files first — never does one of them read the roster.
    /// </summary>
    [Fact]
    public void A_roster_with_two_fatal_faults_in_different_files_is_refused_by_the_whole_and_the_streamed_read()
    {
        _folder.WithEmployees("E1", "E2")
            .WriteBytes("skill_certificates.csv", [.. "employee_id,occupation,level,certificate_no,issued_on\nE1,车工,技师,N1,2019-04-12\nE2,"u8, 0xFF, .. ",技师,N2,2019-04-12\n"u8])
            .Write("achievements.csv", "employee_id,kind,title,title,date", "E1,操作法,某操作法,某操作法,2019-05-16");

        var whole = Assert.Throws<RosterException>(() => _folder.Read());
        var streamed = Assert.Throws<RosterException>(() =>
        {
            using var stream = RosterReader.OpenStream(_folder.Path)!;
            while (stream.Next(1_000) is not null)
            {
            }
        });

        Assert.All([whole.Message, streamed.Message], message => Assert.True(
            message.Contains("skill_certificates.csv 不是 UTF-8 编码，也不是 GB18030（GBK）编码：第 3 行", StringComparison.Ordinal)
            || message.Contains("achievements.csv 的表头中", StringComparison.Ordinal),
            message));
    }

    /// <summary>
    /// Found writing out the case above: a UTF-8 file with one byte of neither encoding a few lines below its first
    /// Chinese text was refused naming the line of that first Chinese text (GB18030, tried after UTF-8 failed, stops
    /// there), not the line of the byte. docs/roster.md: the run stops "naming the file and the first line that is
    /// neither"; a GBK line pasted further down was already named right.
    /// </summary>
    [Fact]
    public void A_stray_byte_in_a_UTF8_file_is_named_at_its_own_line_not_at_the_first_line_of_chinese()
    {
        _folder.WithEmployees("E1", "E2", "E3")
            .WriteBytes("titles.csv", [.. "employee_id,series,level,obtained_on\nE1,工程,助理级,2020-01-02\nE2,工程,助理级,2020-01-02\nE3,工"u8, 0xFF, .. "程,助理级,2020-01-02\n"u8]);

        var whole = Assert.Throws<RosterException>(() => _folder.Read());

        Assert.Equal(
            "titles.csv 不是 UTF-8 编码，也不是 GB18030（GBK）编码：第 4 行有无法识别的字节。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重试",
            whole.Message);
    }

    /// <summary>A GBK file (its first pair also valid UTF-8) with a byte of neither further down is named at that byte's line.</summary>
    [Fact]
    public void A_byte_of_neither_encoding_in_a_GBK_file_is_still_named_at_its_own_line()
    {
        var gbk = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(936)!;
        _folder.WithEmployees("E1", "E2")
            .WriteBytes("titles.csv", [.. gbk.GetBytes("employee_id,series,level,obtained_on\nE1,工程,助理级,2020-01-02\nE2,工程,助理级,2020-01-02\n"), .. "E2,"u8, 0xFF, (byte)'\n']);

        var whole = Assert.Throws<RosterException>(() => _folder.Read());

        Assert.StartsWith("titles.csv 不是 UTF-8 编码，也不是 GB18030（GBK）编码：第 4 行", whole.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Seed flv1dgt6YoL2: a Scriban error quoting a value — here the masked full-width 身份证号 — was shown in English
    /// ("Unexpected `３６０１０２********１２３４`. Must be a formattable object"): the renderer took any character above
    /// U+2E7F for Chinese. Quoting a Chinese name did the same. Scriban's messages are now always labelled in Chinese.
    /// </summary>
    [Theory]
    [InlineData("３６０１０２１９９００１０１１２３４", "{{ employee.id_number | object.format '0000' }}")]
    [InlineData(DocumentSamples.RawIdNumber, "{{ employee.name | object.format '0000' }}")]
    public void A_scriban_error_quoting_a_chinese_value_is_still_explained_in_chinese(string idNumber, string template)
    {
        using var plugin = new TempFolder();
        var path = plugin.Write("notice.md.sbn", "# 通知\n" + template + "\n");
        var renderer = new DocumentRenderer(TemplateCatalog.Load([new TemplateOverride(DocumentKind.PostEquivalenceNotice, DocumentFormat.Markdown, path, "fuzz.plugin", plugin.Path)]));

        var error = Assert.Throws<DocumentRenderException>(() => renderer.Render(
            DocumentKind.PostEquivalenceNotice,
            DocumentFormat.Markdown,
            DocumentSamples.PostEquivalence(DocumentSamples.Person with { IdNumber = idNumber }))).Error;

        Assert.StartsWith("模板运行错误：", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
        Assert.True(error.Column >= 1);
        Assert.DoesNotContain(idNumber, error.Message, StringComparison.Ordinal);
    }
}
