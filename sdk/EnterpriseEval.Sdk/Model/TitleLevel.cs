namespace EnterpriseEval.Sdk.Model;

/// <summary>A professional title level (职称层级). A higher value is a higher level.</summary>
public enum TitleLevel
{
    /// <summary>员级. Code <c>clerk</c>.</summary>
    Clerk = 1,

    /// <summary>助理级. Code <c>assistant</c>.</summary>
    Assistant = 2,

    /// <summary>中级. Code <c>intermediate</c>.</summary>
    Intermediate = 3,

    /// <summary>副高级. Code <c>associate_senior</c>.</summary>
    AssociateSenior = 4,

    /// <summary>正高级. Code <c>senior</c>.</summary>
    Senior = 5,
}
