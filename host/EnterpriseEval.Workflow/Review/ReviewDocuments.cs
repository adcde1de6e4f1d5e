using System.Globalization;
using EnterpriseEval.Engine;
using EnterpriseEval.Engine.Documents;
using EnterpriseEval.Engine.Notices;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using EnterpriseEval.Workflow.Review.Store;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Workflow.Review;

/// <summary>
/// The batch's documents, rendered by the Scriban engine exactly as <c>eeval notices</c> renders its own: the
/// publicity list 评审结果公示 (<c>review publicize</c>) and the per-candidate 评审结果通知 (<c>review issue</c>), with
/// the templates of the batch's plug-ins (those recorded by <c>review new</c>), the issuer and document numbers of
/// <c>EnterpriseEval:Documents</c> and the 身份证号 masked (docs/documents.md).
/// </summary>
internal sealed class ReviewDocuments(IOptions<DocumentsOptions> options, BatchRules rules)
{
    /// <summary>
    /// Loads the batch's plug-ins (refused unless they are those recorded) and checks their templates, before any
    /// step writes: a template that does not load stops the step with file, line and column.
    /// </summary>
    /// <exception cref="UserFacingException">The plug-ins differ from the batch's, or a template does not load.</exception>
    public BatchDocuments Open(IReviewStore store, ReviewBatch batch)
    {
        var plugins = BatchScreening.LoadPlugins(rules, store, batch, null);
        try
        {
            // Each candidate's documents with the templates of the plug-ins that govern it (docs/plugins.md, "Scope").
            var renderers = plugins.Scopes.Groups.Select(g => new DocumentRenderer(NoticesJob.LoadTemplates(g, options.Value))).ToList();
            return new BatchDocuments(store, batch, plugins, new DocumentWriter(renderers[0], renderers), options.Value);
        }
        catch
        {
            plugins.Dispose();
            throw;
        }
    }
}

/// <summary>The documents of one batch, with its plug-ins' templates loaded; dispose to unload the plug-ins.</summary>
internal sealed class BatchDocuments : IDisposable
{
    /// <summary>The 发文字号 of a review notice reads <c>人资字〔2027〕评1号</c>: 评 keeps them apart from <c>notices</c>' numbers.</summary>
    private const string NoticeNumberMark = "评";

    private readonly IReviewStore _store;
    private readonly ReviewBatch _batch;
    private readonly PluginSet _plugins;
    private readonly DocumentWriter _writer;
    private readonly string[] _issuers;

    // Each group's document settings (its own number prefix, department and contact).
    private readonly DocumentsOptions[] _settings;
    private readonly string _series;
    private Dictionary<string, Employee>? _employees;

    internal BatchDocuments(IReviewStore store, ReviewBatch batch, PluginSet plugins, DocumentWriter writer, DocumentsOptions options)
    {
        _store = store;
        _batch = batch;
        _plugins = plugins;
        _writer = writer;
        _settings = [.. plugins.Scopes.Groups.Select(options.For)];
        _issuers = [.. plugins.Scopes.Groups.Select(g => options.For(g).Issuer(g))];
        _series = string.Join("、", batch.Definition.Series.Split([',', ';', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ReviewExports.SeriesName));
    }

    /// <summary>The review as documents name it: <c>2026年度工程系列职称自主评审</c>.</summary>
    private string BatchName => string.Create(CultureInfo.InvariantCulture, $"{_batch.Definition.Year}年度{_series}系列职称自主评审");

    /// <summary>
    /// Writes the publicity list (HTML for printing and posting, Markdown for the intranet) into <paramref name="folder"/>,
    /// dated the day it is posted: the first day of the publicity.
    /// </summary>
    /// <returns>The files written.</returns>
    public IReadOnlyList<string> PublicityList(string folder, StoredPublicity publicity, IReadOnlyList<StoredVote> passed)
    {
        // One list for the batch: on the letterhead and template of the plug-ins governing everyone on it when that is
        // one group (a firm's own batch), else of those governing every employee (docs/plugins.md, "Scope").
        var groups = passed.Select(v => GroupOf(v.EmployeeId)).Distinct().ToList();
        var group = groups.Count == 1 ? groups[0] : 0;
        var model = new PublicityList
        {
            Issue = Issue(publicity.Start, string.Create(CultureInfo.InvariantCulture, $"{_settings[group].NumberPrefix}〔{publicity.Start.Year}〕公示1号"), group),
            BatchName = BatchName,
            PublicityFrom = publicity.Start,
            PublicityUntil = publicity.End,
            ObjectionContact = _settings[group].ObjectionContact,
            Entries = [.. passed.Select(v => new PublicityEntry
            {
                EmployeeId = v.EmployeeId,
                Name = v.Name,
                Department = EmployeeOf(v.EmployeeId)?.Department ?? "",
                AppliedFor = AppliedFor(v),
                Result = "评审通过",
            })],
            Basis = [new PolicyBasis(Clauses.SkillToTitle), new PolicyBasis("96/2.3")],
        };
        return Render(DocumentKind.PublicityList, [model], [group], folder, DocumentFormat.Html, DocumentFormat.Markdown);
    }

    /// <summary>
    /// Writes one 评审结果通知 per candidate (HTML, one file each, in the order given) and the batch file for printing.
    /// </summary>
    /// <returns>The per-candidate files in the order of <paramref name="candidates"/>, then the batch file.</returns>
    public IReadOnlyList<string> Notices(string folder, IReadOnlyList<NoticeCandidate> candidates, DateOnly issuedOn)
    {
        var votedOn = _store.VotedOn(_batch.Id);
        var models = new List<object>(candidates.Count);
        var groups = new List<int>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var employee = EmployeeOf(c.Vote.EmployeeId);
            groups.Add(GroupOf(c.Vote.EmployeeId));
            models.Add(new ReviewResultNotice
            {
                Issue = Issue(issuedOn, string.Create(CultureInfo.InvariantCulture, $"{_settings[groups[i]].NumberPrefix}〔{issuedOn.Year}〕{NoticeNumberMark}{i + 1}号"), groups[i]),
                Employee = new DocumentPerson
                {
                    EmployeeId = c.Vote.EmployeeId,
                    Name = c.Vote.Name,
                    IdNumber = employee?.IdNumber ?? "",
                    Department = employee?.Department ?? "",
                    Post = employee?.Post ?? "",
                },
                BatchName = BatchName,
                AppliedFor = AppliedFor(c.Vote),
                Result = "评审通过",
                Committee = c.Vote.Committee,
                Present = c.Vote.Present,
                VotesFor = c.Vote.For,
                VotedOn = votedOn,
                PublicityFrom = c.Publicity.Start,
                PublicityUntil = c.Publicity.End,
                Authorisation = _batch.Definition.Authorisation,
                ScreeningReasons = c.Decision.Reasons,
                Scores = [.. c.Scores.Select(s => new ReviewScore { Source = s.PluginId, Total = s.Total, PassMark = s.PassMark })],
                AuditAnchor = c.Head.Describe(),
                Basis = [new PolicyBasis(PathClause(c.Vote.Path))],
            });
        }

        return Render(DocumentKind.ReviewResultNotice, models, groups, folder, DocumentFormat.Html);
    }

    public void Dispose() => _plugins.Dispose();

    private IReadOnlyList<string> Render(DocumentKind kind, IReadOnlyList<object> models, IReadOnlyList<int> groups, string folder, params DocumentFormat[] formats)
    {
        try
        {
            return [.. formats.SelectMany(f => _writer.Write(kind, models, f, folder, groups))];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserFacingException($"无法写入输出文件夹：{folder}（{e.Message}）", e);
        }
        catch (DocumentRenderException e)
        {
            throw new UserFacingException($"文书生成失败：{e.Message}", e);
        }
    }

    private DocumentIssue Issue(DateOnly issuedOn, string number, int group) => new()
    {
        Enterprise = _issuers[group],
        Department = _settings[group].Department,
        DocumentNumber = number,
        IssuedOn = issuedOn,
    };

    private string AppliedFor(StoredVote v) => $"{_series}系列{ReviewExports.LevelName(v.TargetLevel)}职称（{ReviewExports.PathName(v.Path)}）";

    // The group of plug-ins governing the employee (by its 单位代码 in the roster the batch imported); 0 when unknown.
    private int GroupOf(string employeeId) => EmployeeOf(employeeId) is { } e ? _plugins.Scopes.GroupOf(e) : 0;

    // The roster the batch imported: department, post and 身份证号 (printed masked) of those named.
    private Employee? EmployeeOf(string employeeId)
    {
        _employees ??= RosterReader.Read(new StoredRosterSource(_store, _batch.Id)).Records
            .Select(r => r.Employee)
            .GroupBy(e => e.EmployeeId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return _employees.GetValueOrDefault(employeeId);
    }

    private static string PathClause(string path) =>
        Vocabulary.TryParse<ScreeningPath>(path, out var p) && p == ScreeningPath.GreenChannel ? Clauses.GreenChannel
        : p is ScreeningPath.TitleToSkill or ScreeningPath.SkillPromotion ? Clauses.TitleToSkill
        : Clauses.SkillToTitle;
}
