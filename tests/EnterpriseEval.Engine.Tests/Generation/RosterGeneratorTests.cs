using System.Globalization;
using EnterpriseEval.Workflow.Generation;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Tests.Roster;

namespace EnterpriseEval.Engine.Tests.Generation;

public sealed class RosterGeneratorTests
{
    // Large enough for a dozen planted bad rows of several kinds, small enough to stay well under a second.
    private const int Employees = 20_000;

    [Fact]
    public void The_same_count_and_seed_give_byte_identical_files()
    {
        using var first = new RosterFolder();
        using var second = new RosterFolder();

        var a = RosterGenerator.Generate(new GenerationRequest(3_000, 11, first.Path));
        var b = RosterGenerator.Generate(new GenerationRequest(3_000, 11, second.Path));

        Assert.Equal(a.RowsByFile, b.RowsByFile);
        foreach (var (file, _) in a.RowsByFile)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first.Path, file)), File.ReadAllBytes(Path.Combine(second.Path, file)));
        }
    }

    [Fact]
    public void Employees_alternate_between_the_two_shipped_plugins_unit_codes()
    {
        // docs/plugins.md, "Scope": a benchmark run with both shipped plug-ins screens each employee with its own firm's.
        using var folder = new RosterFolder();
        RosterGenerator.Generate(new GenerationRequest(2_000, 3, folder.Path));

        var roster = RosterReader.ReadFolder(folder.Path);

        var shipped = new[] { "GJZJ", "GDGD" };
        Assert.All(roster.Records, r => Assert.Contains(r.Employee.EnterpriseCode, shipped));
        foreach (var code in shipped)
        {
            var share = roster.Records.Count(r => r.Employee.EnterpriseCode == code) / (double)roster.Records.Count;
            Assert.InRange(share, 0.45, 0.55);
        }
    }

    [Fact]
    public void Another_seed_gives_another_roster()
    {
        using var first = new RosterFolder();
        using var second = new RosterFolder();

        RosterGenerator.Generate(new GenerationRequest(500, 1, first.Path));
        RosterGenerator.Generate(new GenerationRequest(500, 2, second.Path));

        Assert.NotEqual(
            File.ReadAllBytes(Path.Combine(first.Path, "employees.csv")),
            File.ReadAllBytes(Path.Combine(second.Path, "employees.csv")));
    }

    [Fact]
    public void The_roster_reader_rejects_exactly_the_planted_rows()
    {
        using var folder = new RosterFolder();
        var summary = RosterGenerator.Generate(new GenerationRequest(Employees, 7, folder.Path));

        var roster = RosterReader.ReadFolder(folder.Path);

        Assert.True(summary.Planted.Count >= 5, $"only {summary.Planted.Count} planted rows");
        Assert.True(summary.Planted.Select(p => p.Kind).Distinct().Count() >= 4, "too few kinds of bad rows");
        Assert.Equal(
            summary.Planted.Select(p => (p.File, p.Row)).Order(),
            roster.Rejects.Select(r => (r.File, r.Row)).Order());
        Assert.Equal(summary.EmployeeRows, roster.EmployeeRowsRead);
        var rejectedEmployees = summary.Planted.Count(p => p.Kind is BadRowKind.BadHireDate or BadRowKind.UnknownPostCategory);
        Assert.Equal(Employees - rejectedEmployees, roster.Records.Count);
    }

    [Fact]
    public void Identity_numbers_carry_the_birth_date_and_a_valid_check_character()
    {
        using var folder = new RosterFolder();
        var summary = RosterGenerator.Generate(new GenerationRequest(2_000, 3, folder.Path));
        var badRows = summary.Planted.Where(p => p.Kind == BadRowKind.BadIdNumberCheckDigit).Select(p => p.Row).ToHashSet();

        var roster = RosterReader.ReadFolder(folder.Path);

        var checkedNumbers = 0;
        foreach (var employee in roster.Records.Select(r => r.Employee))
        {
            if (employee.IdNumber is not { } id)
            {
                continue;
            }

            Assert.Equal(employee.BirthDate!.Value.ToString("yyyyMMdd", CultureInfo.InvariantCulture), id[6..14]);
            Assert.Equal(IdNumbers.CheckCharacter(id), id[17]);
            checkedNumbers++;
        }

        Assert.True(checkedNumbers > 1_800, $"{checkedNumbers} identity numbers");
        Assert.DoesNotContain(roster.Rejects, r => r.Column == "id_number" && !badRows.Contains(r.Row));
    }

    [Fact]
    public void Most_employees_are_below_senior_worker_and_some_hold_titles()
    {
        using var folder = new RosterFolder();
        RosterGenerator.Generate(new GenerationRequest(5_000, 5, folder.Path));

        var records = RosterReader.ReadFolder(folder.Path).Records;

        var seniorOrAbove = records.Count(r => r.Certificates.Any(c => c.Level >= Sdk.Model.SkillLevel.SeniorWorker));
        Assert.InRange(seniorOrAbove, records.Count / 10, records.Count / 2);
        Assert.InRange(records.Count(r => r.Titles.Count > 0), records.Count / 20, records.Count / 3);
        Assert.InRange(records.Count(r => r.Honours.Count > 0), 1, records.Count / 100);
        Assert.Contains(records, r => r.Assessments.Any(a => a.Result == Sdk.Model.AssessmentResult.BasicallyQualified));
        Assert.Contains(records, r => r.WorkPeriods.Any(p => p.Kind == Sdk.Model.WorkKind.Other));
        Assert.Contains(records, r => r.ExtraFiles.ContainsKey("continuing_education"));
        var certificateYears = records.SelectMany(r => r.Certificates).Select(c => c.IssuedOn.Year).ToList();
        Assert.True(certificateYears.Max() - certificateYears.Min() >= 20, "certificates should span about 25 years");
    }
}
