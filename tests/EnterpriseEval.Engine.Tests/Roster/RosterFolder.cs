using System.Text;
using EnterpriseEval.Engine.Roster;

namespace EnterpriseEval.Engine.Tests.Roster;

/// <summary>A roster folder in a temp directory, written by a test and deleted after it.</summary>
internal sealed class RosterFolder : IDisposable
{
    /// <summary>A header with every required column of employees.csv, for tests about other files.</summary>
    public const string EmployeesHeader = "employee_id,name,hire_date,post_category,frontline";

    public RosterFolder() => Path = Directory.CreateTempSubdirectory("enterpriseeval-roster-").FullName;

    public string Path { get; }

    /// <summary>Writes a CSV file as UTF-8 without BOM, lines joined by LF.</summary>
    public RosterFolder Write(string fileName, params string[] lines) =>
        WriteText(fileName, string.Join('\n', lines) + "\n", bom: false);

    public RosterFolder WriteText(string fileName, string text, bool bom)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom));
        return this;
    }

    public RosterFolder WriteBytes(string fileName, byte[] bytes)
    {
        File.WriteAllBytes(System.IO.Path.Combine(Path, fileName), bytes);
        return this;
    }

    /// <summary>Writes employees.csv with <see cref="EmployeesHeader"/> and one good row per id.</summary>
    public RosterFolder WithEmployees(params string[] ids)
    {
        var lines = new List<string> { EmployeesHeader };
        foreach (var id in ids)
        {
            lines.Add($"{id},员工{id},2015-03-01,skill,yes");
        }

        return Write("employees.csv", [.. lines]);
    }

    public RosterReadResult Read() => RosterReader.ReadFolder(Path);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
