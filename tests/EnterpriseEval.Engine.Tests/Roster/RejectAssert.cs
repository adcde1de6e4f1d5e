using EnterpriseEval.Engine.Roster;

namespace EnterpriseEval.Engine.Tests.Roster;

internal static class RejectAssert
{
    /// <summary>Asserts that the result holds exactly one reject and that it reads as given.</summary>
    public static RosterReject Single(RosterReadResult result, string file, int row, string column, string value, string reasonPhrase)
    {
        var reject = Assert.Single(result.Rejects);
        Matches(reject, file, row, column, value, reasonPhrase);
        return reject;
    }

    public static void Matches(RosterReject reject, string file, int row, string column, string value, string reasonPhrase)
    {
        Assert.Equal(file, reject.File);
        Assert.Equal(row, reject.Row);
        Assert.Equal(column, reject.Column);
        Assert.Equal(value, reject.Value);
        Assert.Contains(reasonPhrase, reject.Reason, StringComparison.Ordinal);
    }
}
