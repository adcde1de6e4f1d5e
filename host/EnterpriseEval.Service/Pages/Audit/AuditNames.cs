namespace EnterpriseEval.Service.Pages.Audit;

/// <summary>The Chinese names of the audit chain's steps, for people reading it.</summary>
internal static class AuditNames
{
    /// <summary>An entry's UTC time as people read it: 2026-12-07 13:26:22.</summary>
    public static string Time(string at) => at.Length >= 19 ? at[..19].Replace('T', ' ') : at;

    public static string Step(string step) => step switch
    {
        "new" => "建立批次",
        "import" => "导入花名册",
        "screen" => "资格筛查",
        "score" => "业绩评分",
        "ballot-open" => "开启无记名投票",
        "ballot-cast" => "评委投票",
        "vote" => "评委会表决",
        "publicize" => "公示",
        "objection" => "登记异议",
        "objection-resolve" => "处理异议",
        "issue" => "发文",
        "replay" => "复现",
        "rekey" => "换签",
        "account" => "账户",
        "token" => "API 令牌",
        "upload" => "上传花名册",
        "screening" => "筛查任务",
        "screening-cancel" => "取消筛查",
        _ => step,
    };
}
