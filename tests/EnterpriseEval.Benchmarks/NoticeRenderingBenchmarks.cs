using BenchmarkDotNet.Attributes;
using EnterpriseEval.Engine.Documents;
using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;
using Scriban;
using Scriban.Runtime;

namespace EnterpriseEval.Benchmarks;

/// <summary>
/// (c) Notice rendering: our renderer (sandbox, strict variables, escaping, identity masking, pooled contexts) against
/// the floor — bare Scriban <c>Template.Render</c> of the same default template and model, with the same functions
/// and Scriban's own built-ins, and none of our guarantees. Both render one post-equivalence notice (HTML).
/// </summary>
[MemoryDiagnoser]
public class NoticeRenderingBenchmarks
{
    private DocumentRenderer _renderer = null!;
    private Template _bare = null!;
    private TemplateCatalog _catalog = null!;
    private PostEquivalenceNotice _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        _catalog = TemplateCatalog.Load([]);
        _renderer = new DocumentRenderer(_catalog);
        _bare = Template.Parse(DocumentKindRegistry.Default.Find(DocumentKind.PostEquivalenceNotice).DefaultTemplate(DocumentFormat.Html));
        _model = new PostEquivalenceNotice
        {
            Issue = new DocumentIssue { Enterprise = "赣江重型机械有限公司", DocumentNumber = "赣重人字〔2026〕15号", IssuedOn = new DateOnly(2026, 11, 24), Department = "人力资源部" },
            Employee = new DocumentPerson { EmployeeId = "HM0016", Name = "黄金龙", IdNumber = "360102197803150036", Department = "机加工车间", Post = "数控车工" },
            Occupation = "数控车工",
            AppointedSkillLevel = SkillLevel.PrincipalTechnician,
            AppointedFrom = new DateOnly(2025, 7, 1),
            AppointedUntil = new DateOnly(2028, 6, 30),
            EquivalentTitleLevel = TitleLevel.Senior,
            InternalGrade = "T7 特级技师岗",
        };
        if (!Ours().Contains("黄金龙", StringComparison.Ordinal) || !Bare().Contains("黄金龙", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The two renderings must both produce the notice.");
        }
    }

    [Benchmark]
    public string Ours() => _renderer.Render(DocumentKind.PostEquivalenceNotice, DocumentFormat.Html, _model);

    [Benchmark(Baseline = true)]
    public string Bare()
    {
        var context = new TemplateContext { MemberRenamer = m => StandardMemberRenamer.Rename(m) };
        context.PushGlobal(_catalog.Builtins);
        context.PushGlobal(_catalog.Functions);
        var model = new ScriptObject();
        model.Import(_model, renamer: m => StandardMemberRenamer.Rename(m));
        context.PushGlobal(model);
        return _bare.Render(context);
    }
}
