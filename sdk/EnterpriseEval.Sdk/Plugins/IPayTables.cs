using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Plugins;

/// <summary>
/// The firm's wage and allowance tables (技能人才薪酬分配: 技能津贴, 带徒津贴, 特聘岗位津贴 …; 96号 二（五）), which
/// the wage and allowance notices list item by item. An empty list means no notice for that employee.
/// </summary>
public interface IPayTables
{
    /// <summary>Wage items that change for the employee (薪酬调整), each with amount, start date and basis.</summary>
    /// <param name="record">The employee.</param>
    /// <param name="equivalence">
    /// The employee's post equivalence on the cut-off, when appointed. When its <see cref="PostEquivalence.Status"/> is
    /// <see cref="EquivalenceStatus.NeedsReview"/> (the certificates held do not back the appointment), the host does
    /// not issue a notice that lists items for the employee: it lists it in <c>index.csv</c> as 待复核 instead.
    /// </param>
    /// <param name="asOf">The cut-off date.</param>
    IReadOnlyList<PayItem> WageItems(EmployeeRecord record, PostEquivalence? equivalence, DateOnly asOf);

    /// <summary>Allowances granted to the employee (津贴发放), each with amount, start date and basis.</summary>
    /// <param name="record">The employee.</param>
    /// <param name="equivalence">
    /// The employee's post equivalence on the cut-off, when appointed. When its <see cref="PostEquivalence.Status"/> is
    /// <see cref="EquivalenceStatus.NeedsReview"/> (the certificates held do not back the appointment), the host does
    /// not issue a notice that lists items for the employee: it lists it in <c>index.csv</c> as 待复核 instead.
    /// </param>
    /// <param name="asOf">The cut-off date.</param>
    IReadOnlyList<PayItem> AllowanceItems(EmployeeRecord record, PostEquivalence? equivalence, DateOnly asOf);
}
