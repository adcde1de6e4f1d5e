using EnterpriseEval.Workflow.Generation;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Tests.Roster;

public sealed class RosterStreamTests : IDisposable
{
    private const string CertificatesHeader = "employee_id,occupation,level,certificate_no,issued_on,kind,status";

    private readonly RosterFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(10_000)]
    public void A_streamed_roster_gives_the_same_records_rejects_and_plugin_rows_as_a_whole_import(int chunkSize)
    {
        // eeval generate writes every table in employees.csv order, with planted bad rows (unknown 工号 and the like).
        RosterGenerator.Generate(new GenerationRequest(600, 5, _folder.Path));
        var whole = _folder.Read();

        using var stream = RosterReader.OpenStream(_folder.Path)!;
        var streamed = Drain(stream, chunkSize);

        Assert.NotEmpty(whole.Rejects);
        Assert.Contains(whole.Records, r => r.ExtraFiles.Count > 0);
        Assert.Equal(whole.Records.Count, stream.Count);
        Assert.Equal(whole.EmployeeRowsRead, stream.EmployeeRowsRead);
        Assert.Equal(RosterProjection.Of(whole.Records), RosterProjection.Of(streamed));
        Assert.Equal(whole.Records.Select(ExtraOf), streamed.Select(ExtraOf));
        Assert.Equal(whole.Rejects, stream.Rejects());
    }

    [Fact]
    public void The_demo_sample_is_grouped_by_case_not_by_employee_so_it_streams_only_as_one_chunk()
    {
        var demo = SamplePath("demo");
        var whole = RosterReader.ReadFolder(demo);

        using (var oneChunk = RosterReader.OpenStream(demo)!)
        {
            Assert.Equal(RosterProjection.Of(whole.Records), RosterProjection.Of(Drain(oneChunk, 1_000)));
            Assert.Equal(whole.Rejects, oneChunk.Rejects());
        }

        using var small = RosterReader.OpenStream(demo)!;
        Assert.Throws<RosterOrderException>(() => Drain(small, 4));
    }

    [Fact]
    public void Rows_of_one_employee_in_any_order_and_unknown_employees_anywhere_still_stream()
    {
        _folder.WithEmployees("E1", "E2", "E3").Write(
            "skill_certificates.csv",
            CertificatesHeader,
            "E9,车工,junior_worker,N-9,2010-01-01,qualification,valid",
            "E1,车工,senior_worker,N-2,2018-01-01,qualification,valid",
            "E1,车工,junior_worker,N-1,2010-01-01,qualification,valid",
            "E3,车工,junior_worker,N-3,2011-01-01,qualification,valid",
            "E8,车工,junior_worker,N-8,2012-01-01,qualification,valid");
        var whole = _folder.Read();

        using var stream = RosterReader.OpenStream(_folder.Path)!;
        var streamed = Drain(stream, chunkSize: 1);

        Assert.Equal(RosterProjection.Of(whole.Records), RosterProjection.Of(streamed));
        Assert.Equal(["N-2", "N-1"], streamed[0].Certificates.Select(c => c.CertificateNo));
        Assert.Equal(whole.Rejects, stream.Rejects());
        Assert.Equal(["E9", "E8"], stream.Rejects().Select(r => r.Value));
    }

    [Fact]
    public void Opening_with_an_order_check_finds_a_table_out_of_order_before_anything_is_handed_out()
    {
        _folder.WithEmployees("E1", "E2", "E3", "E4").Write(
            "skill_certificates.csv",
            CertificatesHeader,
            "E4,车工,junior_worker,N-4,2011-01-01,qualification,valid",
            "E2,车工,junior_worker,N-2,2010-01-01,qualification,valid");

        var e = Assert.Throws<RosterOrderException>(() => RosterReader.OpenStream(_folder.Path, checkOrderForChunksOf: 2));

        Assert.Equal("skill_certificates.csv", e.FileName);

        // In chunks of four both rows fall in the first chunk: that order is fine.
        using var stream = RosterReader.OpenStream(_folder.Path, checkOrderForChunksOf: 4)!;
        Assert.Equal(4, stream.Next(4)!.Count);
    }

    [Fact]
    public void A_row_of_an_employee_already_handed_out_stops_the_stream_naming_the_file()
    {
        _folder.WithEmployees("E1", "E2", "E3").Write(
            "skill_certificates.csv",
            CertificatesHeader,
            "E3,车工,junior_worker,N-3,2011-01-01,qualification,valid",
            "E1,车工,junior_worker,N-1,2010-01-01,qualification,valid");

        using var stream = RosterReader.OpenStream(_folder.Path)!;
        Assert.NotNull(stream.Next(1));
        Assert.NotNull(stream.Next(1));
        var e = Assert.Throws<RosterOrderException>(() => stream.Next(1));

        Assert.Equal("skill_certificates.csv", e.FileName);
        Assert.Contains("employees.csv 的顺序不一致", e.Message);
    }

    private static List<EmployeeRecord> Drain(RosterStream stream, int chunkSize)
    {
        var records = new List<EmployeeRecord>();
        while (stream.Next(chunkSize) is { } chunk)
        {
            Assert.True(chunk.Count <= chunkSize);
            records.AddRange(chunk);
        }

        return records;
    }

    private static string ExtraOf(EmployeeRecord record) => string.Join(
        " | ",
        record.ExtraFiles.Select(file => file.Key + ": " + string.Join(
            "; ",
            file.Value.Select(row => string.Join(",", row.Select(cell => cell.Key + "=" + cell.Value))))));

    private static string SamplePath(string sample)
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "EnterpriseEval.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repository root not found");
        }

        return Path.Combine(dir, "samples", "rosters", sample);
    }
}
