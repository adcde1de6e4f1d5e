namespace EnterpriseEval.Sdk.Documents;

/// <summary>
/// A clause a document rests on. Templates see a list of them as <c>basis</c>, each with
/// <c>clause_id</c> and <c>citation</c>.
/// </summary>
/// <param name="ClauseId">
/// 条款编号 (<c>clause_id</c>): a clause id of docs/rules.md such as <c>96/2.5</c>, or a firm's regulation and article as
/// written by a plug-in.
/// </param>
public sealed record PolicyBasis(string ClauseId)
{
    /// <summary>
    /// 政策依据 (<c>citation</c>): the clause as a person reads it. Example: <c>人社部发〔2020〕96号 二（五）</c>.
    /// </summary>
    public string Citation => PolicyCitation.Format(ClauseId);
}
