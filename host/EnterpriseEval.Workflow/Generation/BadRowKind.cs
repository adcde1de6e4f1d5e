namespace EnterpriseEval.Workflow.Generation;

/// <summary>The kinds of bad rows a real HR export contains, planted so the reject path is exercised at scale.</summary>
internal enum BadRowKind
{
    /// <summary>入职日期 that is not a date: the employee row is rejected.</summary>
    BadHireDate,

    /// <summary>岗位类别 outside the vocabulary: the employee row is rejected.</summary>
    UnknownPostCategory,

    /// <summary>A second row with an existing 工号: the later row is rejected.</summary>
    DuplicateEmployeeId,

    /// <summary>身份证号 with a wrong check digit: the value is dropped, the employee is still screened.</summary>
    BadIdNumberCheckDigit,

    /// <summary>A certificate level outside the vocabulary: the certificate row is rejected.</summary>
    UnknownCertificateLevel,

    /// <summary>An assessment for a 工号 that is not in <c>employees.csv</c>.</summary>
    AssessmentOfUnknownEmployee,

    /// <summary>A work period that ends before it starts.</summary>
    WorkPeriodEndsBeforeStart,
}
