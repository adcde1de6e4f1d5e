namespace EnterpriseEval.Sdk.Model;

/// <summary>
/// A professional title series (职称系列) or professional-qualification field.
/// The first eight are the series opened to skilled workers (贯通领域, 96号 二（一）; 227号 一);
/// <see cref="Vocabulary.IsThroughSeries(TitleSeries)"/> tells them apart.
/// </summary>
public enum TitleSeries
{
    /// <summary>工程. Code <c>engineering</c>; the focus of 227号 一.</summary>
    Engineering = 1,

    /// <summary>农业. Code <c>agriculture</c>.</summary>
    Agriculture,

    /// <summary>工艺美术. Code <c>arts_crafts</c>.</summary>
    ArtsCrafts,

    /// <summary>文物博物. Code <c>cultural_heritage</c>.</summary>
    CulturalHeritage,

    /// <summary>实验技术. Code <c>laboratory</c>.</summary>
    Laboratory,

    /// <summary>艺术. Code <c>art</c>.</summary>
    Art,

    /// <summary>体育. Code <c>sports</c>.</summary>
    Sports,

    /// <summary>技工院校教师. Code <c>technical_school_teacher</c>.</summary>
    TechnicalSchoolTeacher,

    /// <summary>经济. Code <c>economics</c>.</summary>
    Economics = 101,

    /// <summary>会计. Code <c>accounting</c>.</summary>
    Accounting,

    /// <summary>统计. Code <c>statistics</c>.</summary>
    Statistics,

    /// <summary>审计. Code <c>auditing</c>.</summary>
    Auditing,

    /// <summary>翻译. Code <c>translation</c>.</summary>
    Translation,

    /// <summary>出版. Code <c>publishing</c>.</summary>
    Publishing,

    /// <summary>通信. Code <c>communication</c>.</summary>
    Communication,

    /// <summary>计算机技术与软件. Code <c>computer_software</c>.</summary>
    ComputerSoftware,

    /// <summary>卫生. Code <c>health</c>.</summary>
    Health = 201,

    /// <summary>教师 (other than 技工院校教师). Code <c>teacher</c>.</summary>
    Teacher,

    /// <summary>自然科学研究. Code <c>research</c>.</summary>
    Research,

    /// <summary>政工. Code <c>political_work</c>.</summary>
    PoliticalWork,
}
