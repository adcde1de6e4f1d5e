namespace EnterpriseEval.Service.Security;

/// <summary>The roles of a self-run review (docs/service.md, "Roles"): codes in the store, Chinese names for people.</summary>
internal static class Roles
{
    public const string Hr = "hr";
    public const string Committee = "committee";
    public const string Employee = "employee";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    public static readonly string[] All = [Hr, Committee, Employee, Auditor, Admin];

    public static string Chinese(string role) => role switch
    {
        Hr => "人事专员",
        Committee => "评委",
        Employee => "员工",
        Auditor => "审计",
        Admin => "管理员",
        _ => role,
    };

    /// <summary>Roles that see a 身份证号 whole (docs/service.md, "Privacy"): everyone else sees it masked.</summary>
    public static bool SeesIdNumbers(string? role) => role is Hr or Admin;
}

/// <summary>
/// One authorization policy per role set (docs/service.md, "Roles and endpoints"): every endpoint names exactly one, and
/// the role-matrix test proves each refuses every role outside it.
/// </summary>
internal static class Policies
{
    /// <summary>HR only: uploads, screenings, notices and every review step that writes.</summary>
    public const string Hr = "hr";

    /// <summary>HR and auditor: screening results and batch records, read-only for the auditor; verify and replay.</summary>
    public const string HrAuditor = "hr+auditor";

    /// <summary>HR, committee and auditor: the batches and their candidates.</summary>
    public const string Reviewers = "hr+committee+auditor";

    /// <summary>HR and employee: objections during the publicity (an employee only for themself).</summary>
    public const string Objections = "hr+employee";

    /// <summary>HR, auditor and employee: one employee's decisions (an employee only their own).</summary>
    public const string EmployeeRecord = "hr+auditor+employee";

    /// <summary>HR and admin: the OpenAPI document and the API reference page, for integrators.</summary>
    public const string Integrators = "hr+admin";

    /// <summary>Admin only: accounts, API tokens, the plug-ins in use.</summary>
    public const string Admin = "admin";

    /// <summary>Committee member only: casting their ballots in a batch's secret ballot.</summary>
    public const string Committee = "committee";

    /// <summary>Employee only: their own screening result.</summary>
    public const string Employee = "employee";

    /// <summary>Everyone of the review but the admin: a batch's publicity list.</summary>
    public const string Publicity = "hr+committee+employee+auditor";

    /// <summary>Any signed-in account: who am I, sign out, the anti-forgery token.</summary>
    public const string AnyRole = "any-role";

    public static readonly IReadOnlyDictionary<string, string[]> RolesOf = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Hr] = [Roles.Hr],
        [HrAuditor] = [Roles.Hr, Roles.Auditor],
        [Reviewers] = [Roles.Hr, Roles.Committee, Roles.Auditor],
        [Objections] = [Roles.Hr, Roles.Employee],
        [EmployeeRecord] = [Roles.Hr, Roles.Auditor, Roles.Employee],
        [Integrators] = [Roles.Hr, Roles.Admin],
        [Admin] = [Roles.Admin],
        [Committee] = [Roles.Committee],
        [Employee] = [Roles.Employee],
        [Publicity] = [Roles.Hr, Roles.Committee, Roles.Employee, Roles.Auditor],
        [AnyRole] = Roles.All,
    };
}
