namespace EnterpriseEval.Engine.Screening;

/// <summary>The default cut-off date: 31 December of the current year (截至申报当年12月31日, docs/rules.md "Dates").</summary>
internal static class CutOff
{
    public static DateOnly Default(TimeProvider time) => new(time.GetLocalNow().Year, 12, 31);
}
