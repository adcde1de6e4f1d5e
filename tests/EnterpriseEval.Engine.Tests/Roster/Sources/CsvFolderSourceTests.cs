using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Roster.Sources;

namespace EnterpriseEval.Engine.Tests.Roster.Sources;

public sealed class CsvFolderSourceTests : IDisposable
{
    private readonly RosterFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Tables_are_the_csv_files_named_without_extension_matched_without_case()
    {
        _folder.Write("Employees.CSV", "a").Write("titles.csv", "a").Write("readme.txt", "a");

        var source = new CsvFolderSource(_folder.Path);

        Assert.Equal(["Employees", "titles"], source.TableNames);
        Assert.True(source.Contains("employees"));
        using var table = source.Open("employees");
        Assert.Equal("Employees.CSV", table.Name);
    }

    [Fact]
    public void Opening_a_missing_table_names_the_file_and_folder()
    {
        var source = new CsvFolderSource(_folder.Path);

        var error = Assert.Throws<RosterException>(() => source.Open("employees"));

        Assert.Equal($"花名册文件夹中找不到 employees.csv：{_folder.Path}", error.Message);
    }
}
