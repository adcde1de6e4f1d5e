namespace Ganjiang.HeavyMachinery.Roster;

/// <summary>
/// The firm's <c>apprentices.csv</c> (employee_id, apprentice_id, apprentice_name, from, to), read by the mentoring
/// criterion and by the 带徒津贴; one declaration so both read the same columns.
/// </summary>
internal static class Apprentices
{
    /// <summary>The file name without extension.</summary>
    public const string File = "apprentices";

    /// <summary>徒弟工号; may be blank.</summary>
    public static readonly ExtraColumn Id = new("apprentice_id", "徒弟工号");

    /// <summary>徒弟姓名.</summary>
    public static readonly ExtraColumn Name = new("apprentice_name", "徒弟姓名");

    /// <summary>带徒开始日期.</summary>
    public static readonly ExtraColumn From = new("from", "带徒开始日期");

    /// <summary>带徒结束日期; blank while the mentoring goes on.</summary>
    public static readonly ExtraColumn To = new("to", "带徒结束日期");

    /// <summary>The key an apprentice counts once by: the id, or the name when the id is blank.</summary>
    public static string Key(IReadOnlyDictionary<string, string> row) => Id.Read(row) is { Length: > 0 } id ? id : Name.Read(row);
}
