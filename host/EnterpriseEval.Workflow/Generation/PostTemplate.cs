using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Workflow.Generation;

/// <summary>One kind of post at the generated manufacturer.</summary>
/// <param name="Department">部门.</param>
/// <param name="Post">岗位.</param>
/// <param name="Category">岗位类别.</param>
/// <param name="Occupation">职业工种 (empty for posts without one).</param>
/// <param name="Majors">所学专业 typical of the post; one is drawn.</param>
/// <param name="Weight">How many of every thousand employees hold such a post.</param>
internal sealed record PostTemplate(
    string Department, string Post, PostCategory Category, string Occupation, string[] Majors, int Weight);
