namespace EnterpriseEval.Sdk.Tables;

/// <summary>What a column of a plug-in's extra table holds; the runtime parses it with the roster's own readers (docs/roster.md).</summary>
public enum ExtraColumnType
{
    /// <summary>Free text, read as written (trimmed).</summary>
    Text = 0,

    /// <summary>A date in any form the roster accepts (<c>2021-07-01</c>, <c>2021/7/1</c>, <c>2021年7月1日</c>, a month alone, an Excel serial number, full-width digits).</summary>
    Date,

    /// <summary>A whole number (<c>72</c>, <c>-3</c>; full-width digits allowed).</summary>
    Integer,

    /// <summary>A decimal number (<c>7.5</c>; full-width digits allowed).</summary>
    Decimal,

    /// <summary>One value of a list of codes, written in English or in Chinese (<see cref="CodeValue"/>).</summary>
    Code,
}
