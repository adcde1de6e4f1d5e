using System.Globalization;
using EnterpriseEval.Engine.Documents;
using EnterpriseEval.Engine.Notices;
using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Screening;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Workflow.Review;

/// <summary>
/// The batch's documents rendered by the Scriban engine (the same templates and sandbox as <c>eeval notices</c>):
/// the publicity list 评审结果公示 of the candidates the committee passed.
/// </summary>
internal sealed class ReviewDocuments(IOptions<DocumentsOptions> options)
{
    /// <summary>Writes the publicity list (HTML for printing and posting, Markdown for the intranet) into <paramref name="folder"/>.</summary>
    /// <returns>The files written.</returns>
    public IReadOnlyList<string> PublicityList(string folder, ReviewBatch batch, StoredPublicity publicity, IReadOnlyList<StoredVote> passed, DateOnly issuedOn)
    {
        var series = string.Join("、", batch.Definition.Series.Split([',', ';', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ReviewExports.SeriesName));
        var model = new PublicityList
        {
            Issue = new DocumentIssue
            {
                Enterprise = options.Value.Enterprise is { Length: > 0 } e ? e : "本单位",
                Department = options.Value.Department,
                DocumentNumber = string.Create(CultureInfo.InvariantCulture, $"{options.Value.NumberPrefix}〔{issuedOn.Year}〕公示1号"),
                IssuedOn = issuedOn,
            },
            BatchName = $"{batch.Definition.Year}年度{batch.Definition.Name}自主评审",
            PublicityFrom = publicity.Start,
            PublicityUntil = publicity.End,
            ObjectionContact = options.Value.ObjectionContact,
            Entries = [.. passed.Select(v => new PublicityEntry
            {
                EmployeeId = v.EmployeeId,
                Name = v.Name,
                AppliedFor = $"{series}系列{ReviewExports.LevelName(v.TargetLevel)}职称（{ReviewExports.PathName(v.Path)}）",
                Result = "评审通过",
            })],
            Basis = [new PolicyBasis(Clauses.SkillToTitle), new PolicyBasis("96/2.3")],
        };
        var writer = new DocumentWriter(new DocumentRenderer(TemplateCatalog.Load([])));
        var html = writer.Write(DocumentKind.PublicityList, [model], DocumentFormat.Html, folder);
        var markdown = writer.Write(DocumentKind.PublicityList, [model], DocumentFormat.Markdown, folder);
        return [.. html, .. markdown];
    }
}
