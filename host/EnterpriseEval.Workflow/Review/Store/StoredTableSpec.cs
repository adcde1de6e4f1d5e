namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>A data table of the store, as <c>review verify</c> checks it and names its rows in messages.</summary>
/// <param name="Name">The SQL table.</param>
/// <param name="Chinese">What a person calls its rows.</param>
/// <param name="LabelColumns">Columns shown in brackets after the row id to say which row it is.</param>
internal sealed record StoredTableSpec(string Name, string Chinese, params string[] LabelColumns)
{
    public static readonly StoredTableSpec[] All =
    [
        new("batches", "批次记录", "name"),
        new("roster_tables", "花名册表", "name"),
        new("roster_rows", "花名册行", "table_name", "row_number"),
        new("screen_chunks", "筛查进度记录", "from_index", "to_index"),
        new("decisions", "决策记录", "employee_id", "path"),
        new("scores", "评分记录", "employee_id", "plugin_id"),
        new("votes", "表决记录", "employee_id", "target_level"),
        new("publicity", "公示记录", "start_date", "end_date"),
        new("objections", "异议记录", "employee_id"),
        new("notices", "发文记录", "employee_id", "file"),
        new("ballot_rounds", "无记名投票记录", "opened_on", "committee"),
        new("ballot_members", "投票评委记录", "user_name"),
        new("ballot_voters", "已投票记录", "user_name", "candidate"),
        new("objection_resolutions", "异议处理记录", "objection_id", "outcome"),
    ];
}
