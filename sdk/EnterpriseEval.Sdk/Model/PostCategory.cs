namespace EnterpriseEval.Sdk.Model;

/// <summary>The category of an employee's post (岗位类别).</summary>
public enum PostCategory
{
    /// <summary>技能岗位. Code <c>skill</c>.</summary>
    Skill = 1,

    /// <summary>专业技术岗位. Code <c>technical</c>.</summary>
    Technical,

    /// <summary>管理岗位. Code <c>management</c>.</summary>
    Management,
}
