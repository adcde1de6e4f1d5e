using EnterpriseEval.Host.Tests.Support;

namespace EnterpriseEval.Host.Tests.Output;

/// <summary>docs/security.md, "Outputs": a roster value never reaches the terminal as an escape sequence.</summary>
public sealed class ConsoleSafetyTests
{
    [Fact]
    public async Task Review_show_prints_control_characters_from_the_roster_visibly()
    {
        using var dir = new TempFolder();
        using var roster = new TempFolder();
        File.WriteAllLines(roster.File("employees.csv"), [
            "employee_id,name,id_number,hire_date,post_category,frontline,occupation",
            "E1,\"张\u001B]0;已被接管\u0007三\u001B[2J\",,2010-03-01,skill,yes,车工",
        ]);
        File.WriteAllLines(roster.File("skill_certificates.csv"), [
            "employee_id,occupation,level,certificate_no,issued_on,kind,status",
            "E1,车工,technician,C1,2015-06-01,qualification,valid",
        ]);
        var store = dir.File("review.db");
        string[] batch = ["--store", store, "--batch", "2026-工程"];
        string[] plugin = ["--plugins", Path.Combine(RepoPaths.Root, "artifacts", "plugins", "ganpower-supply"), "--config", RepoPaths.Sample("review/review.json")];
        await Ok(["review", "new", .. batch, "--year", "2026", "--series", "engineering", "--levels", "assistant,intermediate", .. plugin, "--user", "王审核"]);
        await Ok(["review", "screen", .. batch, "--roster", roster.Path, "--user", "王审核"]);

        var show = await Ok(["review", "show", .. batch, "--employee", "E1"]);

        Assert.DoesNotContain('\u001B', show);
        Assert.DoesNotContain('\u0007', show);
        Assert.Contains("张\\u001B]0;已被接管\\u0007三\\u001B[2J", show);
    }

    private static Task<string> Ok(string[] args) => CliRun.Ok(args);
}
