namespace EnterpriseEval.Sdk.Documents;

/// <summary>One wage or allowance item of a <see cref="PayNotice"/>; templates loop over <c>items</c>.</summary>
/// <param name="Name">项目名称 (<c>item.name</c>). Example: <c>技能津贴</c>.</param>
/// <param name="Amount">金额, in yuan (<c>item.amount</c>); printed as <c>1,200.00</c>.</param>
/// <param name="StartsOn">起始日期 (<c>item.starts_on</c>); printed as <c>2026年12月1日</c>.</param>
/// <param name="Basis">
/// 依据 (<c>item.basis</c>): the regulation and article the amount rests on. Example:
/// <c>《洪都精工技能人才薪酬管理办法》第十二条</c>.
/// </param>
public sealed record PayItem(string Name, decimal Amount, DateOnly StartsOn, string Basis);
