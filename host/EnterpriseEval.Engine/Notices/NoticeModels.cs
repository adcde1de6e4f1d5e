using System.Globalization;
using EnterpriseEval.Engine.Output;
using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Engine.Notices;

/// <summary>
/// Turns a screened roster into the document models of one kind: who gets a notice (appointed 高级工 and above for
/// post equivalence; employees whose pay tables list items for wage and allowance notices; every screened employee
/// for screening results; one list for publicity) and what it says. A notice that rests on a post equivalence the
/// certificates held do not back (R11 <c>needs_review</c>, docs/rules.md) is not issued: it is listed in
/// <see cref="Held"/> as 待复核 instead. In a roster with applications, screening results go to those who applied.
/// </summary>
internal sealed class NoticeModels(ScreenedRoster screened, DocumentsOptions options, ReviewOptions review, DateOnly issuedOn)
{
    private const string StatutoryPrefix96 = "96/";
    private const string StatutoryPrefix227 = "227/";

    // Per group of plug-ins governing the same employees (docs/plugins.md, "Scope"): its issuer (letterhead) and its
    // own numbering, so each firm's notices read as that firm's alone would. One group when no plug-in has a scope.
    private readonly Plugins.PluginScopes _scopes = screened.Plugins.Scopes;
    // Each group's document settings (a firm's own prefix and department, docs/plugin-authoring.md "Document
    // settings") and issuer.
    private readonly DocumentsOptions[] _settings = [.. screened.Plugins.Scopes.Groups.Select(options.For)];
    private readonly string[] _enterprise = [.. screened.Plugins.Scopes.Groups.Select(g => options.For(g).Issuer(g))];
    private readonly int[] _sequence = new int[screened.Plugins.Scopes.Groups.Count];

    /// <summary>Per model of the last <see cref="Build"/>, the index of the group of plug-ins whose templates render it.</summary>
    public List<int> GroupOfModel { get; } = [];

    private DateOnly AsOf => screened.Result.AsOf;

    /// <summary>The notices held back for review by the last <see cref="Build"/>, in roster order.</summary>
    public List<HeldNotice> Held { get; } = [];

    /// <summary>
    /// The kinds a screened roster yields, and how: <c>eeval notices --kind</c> offers these. A kind another step
    /// issues (评审结果通知, from a review batch) is rendered by its descriptor like any other but is not built here.
    /// </summary>
    private static readonly Dictionary<DocumentKind, Func<NoticeModels, IReadOnlyList<object>>> Builders = new()
    {
        [DocumentKind.PostEquivalenceNotice] = m => m.PostEquivalence(),
        [DocumentKind.WageNotice] = m => m.Pay((t, r, e) => t.WageItems(r, e, m.AsOf), "因岗位聘任调整岗位薪酬"),
        [DocumentKind.AllowanceNotice] = m => m.Pay((t, r, e) => t.AllowanceItems(r, e, m.AsOf), "发放技能人才津贴"),
        [DocumentKind.ScreeningResultNotice] = m => m.ScreeningResults(),
        [DocumentKind.PublicityList] = m => m.Publicity(),
    };

    /// <summary>The kinds <c>eeval notices</c> builds from a screened roster, in registry order.</summary>
    public static IReadOnlyList<DocumentKind> RosterKinds { get; } = [.. DocumentKinds.All.Where(Builders.ContainsKey)];

    /// <exception cref="UserFacingException">The kind is not built from a screened roster.</exception>
    public IReadOnlyList<object> Build(DocumentKind kind) =>
        Builders.TryGetValue(kind, out var build)
            ? Recorded(build(this))
            : throw new UserFacingException($"{kind.ToChinese()}不能由名册生成（由评审流程出具）；eeval notices 可生成：{string.Join("、", RosterKinds.Select(k => k.ToChinese()))}");

    // A builder adds each model's group to GroupOfModel as it numbers the model (NextIssue).
    private IReadOnlyList<object> Recorded(IReadOnlyList<object> models)
    {
        System.Diagnostics.Debug.Assert(models.Count == GroupOfModel.Count, "every model numbered once");
        return models;
    }

    private List<object> PostEquivalence()
    {
        var byId = screened.Roster.Records.ToDictionary(r => r.Employee.EmployeeId, StringComparer.Ordinal);
        foreach (var e in screened.Result.Equivalences.Where(e => e.Status == EquivalenceStatus.NeedsReview))
        {
            Held.Add(new HeldNotice(e.EmployeeId, e.Name, e.Finding.Message));
        }

        return [.. screened.Result.Equivalences.Where(e => e.Status == EquivalenceStatus.Confirmed).Select(e => (object)new PostEquivalenceNotice
        {
            Issue = NextIssue(byId[e.EmployeeId].Employee),
            Employee = Person(byId[e.EmployeeId].Employee),
            Occupation = byId[e.EmployeeId].Employee.Occupation,
            AppointedSkillLevel = e.AppointedSkillLevel,
            AppointedFrom = e.AppointedFrom,
            AppointedUntil = e.AppointedUntil,
            EquivalentTitleLevel = e.EquivalentTitleLevel,
            InternalGrade = e.EnterpriseGrade,
        })];
    }

    private List<object> Pay(
        Func<Sdk.Plugins.IPayTables, EmployeeRecord, PostEquivalence?, IReadOnlyList<PayItem>> items,
        string reason)
    {
        // The pay tables of the plug-ins that govern each employee only (docs/plugins.md, "Scope").
        var tablesByGroup = _scopes.Groups
            .Select(g => g.Loaded.Where(p => p.Composition.PayTables is not null).Select(p => (p.Manifest.Id, Tables: p.Composition.PayTables!)).ToList())
            .ToList();
        var equivalences = screened.Result.Equivalences.ToDictionary(e => e.EmployeeId, StringComparer.Ordinal);
        var models = new List<object>();
        foreach (var record in screened.Roster.Records)
        {
            var equivalence = equivalences.GetValueOrDefault(record.Employee.EmployeeId);
            var tables = tablesByGroup[_scopes.GroupOf(record.Employee)];
            // Each pay table guarded (PluginCall): one that throws holds this person's notice, naming the plug-in and member.
            string? problem = null;
            var list = new List<PayItem>();
            foreach (var (id, t) in tables)
            {
                list.AddRange(Plugins.PluginCall.Run(id, "IPayTables", () => items(t, record, equivalence), [], null, out var failed));
                problem ??= failed;
            }

            if (problem is not null)
            {
                Held.Add(new HeldNotice(record.Employee.EmployeeId, record.Employee.Name, problem + "，请人工复核"));
            }
            else if (list.Count > 0 && equivalence is { Status: EquivalenceStatus.NeedsReview })
            {
                // Pay set on the strength of 96号 二（五） cannot be notified while the equivalence itself awaits review.
                Held.Add(new HeldNotice(record.Employee.EmployeeId, record.Employee.Name, equivalence.Finding.Message));
            }
            else if (list.Count > 0)
            {
                models.Add(new PayNotice
                {
                    Issue = NextIssue(record.Employee),
                    Employee = Person(record.Employee),
                    Reason = reason,
                    Items = list,
                    Basis = [new PolicyBasis(Clauses.Equivalence)],
                });
            }
        }

        return models;
    }

    private List<object> ScreeningResults()
    {
        var records = screened.Roster.Records;
        var models = new List<object>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            // A roster with applications screens those who applied only: the others get no result to be notified of.
            if (screened.Roster.HasApplications && records[i].Applications.Count == 0)
            {
                continue;
            }

            var decisions = screened.Result.DecisionsByEmployee[i];
            models.Add(new ScreeningResultNotice
            {
                Issue = NextIssue(records[i].Employee),
                Employee = Person(records[i].Employee),
                AsOf = screened.Result.AsOf,
                Results = [.. decisions.Select(d => new ScreeningResultItem
                {
                    Path = d.Path,
                    Target = DecisionText.Target(d),
                    Outcome = d.Outcome,
                    EarliestEligibleOn = d.EarliestEligibleOn,
                    TheoryExamExempt = d.TheoryExamExempt,
                    Reasons = [.. DecisionColumns.InReadingOrder(d.Findings).Select(f => f.Message)],
                })],
                Basis = StatutoryBasis(decisions),
            });
        }

        return models;
    }

    /// <summary>
    /// One publicity list; when plug-ins declare scopes, one per group of plug-ins with eligible employees (each firm
    /// publicises its own, on its letterhead and with its template), or group 0's alone when nobody is eligible.
    /// </summary>
    private List<object> Publicity()
    {
        var groups = Enumerable.Range(0, _scopes.Groups.Count).Select(Eligible).ToList();
        var kept = Enumerable.Range(0, groups.Count).Where(g => groups[g].Entries.Count > 0).ToList();
        if (kept.Count == 0)
        {
            kept.Add(0);
        }

        return [.. kept.Select(g => (object)Publicity(g, groups[g].Entries, groups[g].Decisions))];
    }

    private (List<PublicityEntry> Entries, List<Decision> Decisions) Eligible(int group)
    {
        var entries = new List<PublicityEntry>();
        var decisions = new List<Decision>();
        var records = screened.Roster.Records;
        for (var i = 0; i < records.Count; i++)
        {
            if (_scopes.GroupOf(records[i].Employee) != group)
            {
                continue;
            }

            foreach (var d in screened.Result.DecisionsByEmployee[i].Where(d => d.Outcome == Outcome.Eligible))
            {
                decisions.Add(d);
                entries.Add(new PublicityEntry
                {
                    EmployeeId = d.EmployeeId,
                    Name = d.Name,
                    Department = records[i].Employee.Department,
                    AppliedFor = d.Path == ScreeningPath.GreenChannel ? $"{DecisionText.Target(d)}（绿色通道）" : DecisionText.Target(d),
                    Result = "符合申报条件",
                });
            }
        }

        return (entries, decisions);
    }

    private PublicityList Publicity(int group, List<PublicityEntry> entries, List<Decision> decisions)
    {
        return new PublicityList
        {
            Issue = NextIssue(group),
            BatchName = string.Create(CultureInfo.InvariantCulture, $"{screened.Result.AsOf.Year}年度高技能人才与专业技术人才贯通申报资格审查"),
            PublicityFrom = issuedOn,
            PublicityUntil = WorkingCalendar.From(review).End(issuedOn, review.PublicityWorkingDays),
            ObjectionContact = _settings[group].ObjectionContact,
            Entries = entries,
            Procedure = "个人申报和资格审查",
            Basis = StatutoryBasis(decisions),
        };
    }

    private static PolicyBasis[] StatutoryBasis(IEnumerable<Decision> decisions) =>
        [.. decisions.SelectMany(d => d.Findings)
            .Select(f => f.Clause)
            .Where(c => c.StartsWith(StatutoryPrefix96, StringComparison.Ordinal) || c.StartsWith(StatutoryPrefix227, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(c => new PolicyBasis(c))];

    private DocumentIssue NextIssue(Employee addressee) => NextIssue(_scopes.GroupOf(addressee));

    private DocumentIssue NextIssue(int group)
    {
        GroupOfModel.Add(group);
        return new()
        {
            Enterprise = _enterprise[group],
            Department = _settings[group].Department,
            DocumentNumber = string.Create(CultureInfo.InvariantCulture, $"{_settings[group].NumberPrefix}〔{issuedOn.Year}〕{++_sequence[group]}号"),
            IssuedOn = issuedOn,
        };
    }

    private static DocumentPerson Person(Employee e) => new()
    {
        EmployeeId = e.EmployeeId,
        Name = e.Name,
        IdNumber = e.IdNumber ?? "",
        Department = e.Department,
        Post = e.Post,
    };
}

/// <summary>A notice not issued because the post equivalence it rests on awaits review (R11 <c>needs_review</c>).</summary>
/// <param name="EmployeeId">工号.</param>
/// <param name="Name">姓名.</param>
/// <param name="Reason">The equivalence finding: which certificate is missing, which is held.</param>
internal sealed record HeldNotice(string EmployeeId, string Name, string Reason);
