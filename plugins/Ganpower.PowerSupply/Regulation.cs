namespace Ganpower.PowerSupply;

/// <summary>The articles of the firm's regulation that the plug-in cites.</summary>
internal static class Regulation
{
    /// <summary>第九条: the score table and the pass mark of the performance review.</summary>
    public const string Scoring = "《赣电供电技能人才业绩评审量化积分细则》第九条";
}
