namespace EnterpriseEval.Sdk.Model;

/// <summary>
/// A level of the eight-level skill ladder (职业技能等级, 人社部发〔2022〕14号).
/// The numeric order is the order of the ladder: a higher value is a higher level.
/// </summary>
public enum SkillLevel
{
    /// <summary>学徒工 (enterprise level, no national grade). Code <c>apprentice</c>.</summary>
    Apprentice = 0,

    /// <summary>初级工 (五级). Code <c>junior_worker</c>.</summary>
    JuniorWorker = 1,

    /// <summary>中级工 (四级). Code <c>intermediate_worker</c>.</summary>
    IntermediateWorker = 2,

    /// <summary>高级工 (三级). Code <c>senior_worker</c>.</summary>
    SeniorWorker = 3,

    /// <summary>技师 (二级). Code <c>technician</c>.</summary>
    Technician = 4,

    /// <summary>高级技师 (一级). Code <c>senior_technician</c>.</summary>
    SeniorTechnician = 5,

    /// <summary>特级技师, a post filled by appointment. Code <c>principal_technician</c>.</summary>
    PrincipalTechnician = 6,

    /// <summary>首席技师, a post filled by appointment. Code <c>chief_technician</c>.</summary>
    ChiefTechnician = 7,
}
