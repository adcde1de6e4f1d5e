namespace EnterpriseEval.Sdk.Screening;

/// <summary>
/// One rule's verdict on one decision: the rule id, the clause it cites, what it means and a Chinese
/// sentence for the HR reviewer and the employee that ends with the clause, cited by document number and clause, e.g.
/// <c>近3年年度考核中2024年为基本合格（人社部发〔2020〕96号 二（二）1）</c>; the short id (<c>96/2.2.1</c>) is <see cref="Clause"/>.
/// </summary>
public sealed record Finding
{
    // Punctuation a sentence may end with that the clause id replaces.
    private static readonly char[] TrailingPunctuation = ['。', '；', ' '];

    // A finding is made with its message, or with how to compose it; the message is then kept once first read.
    private readonly Sentence? _sentence;
    private string? _message;

    private Finding(string ruleId, string clause, FindingKind kind, string? message, Sentence? sentence, DateOnly? metOn)
    {
        RuleId = ruleId;
        Clause = clause;
        Kind = kind;
        _message = message;
        _sentence = sentence;
        MetOn = metOn;
    }

    /// <summary>The rule or criterion id: <c>R1</c>…<c>R12</c> for statutory rules, the plug-in's own id for criteria.</summary>
    public string RuleId { get; }

    /// <summary>
    /// The clause cited: <c>96/2.2.1</c> for 人社部发〔2020〕96号 二（二）1, <c>project-default</c> for a configured value,
    /// or a firm's regulation and article for a plug-in criterion.
    /// </summary>
    public string Clause { get; }

    /// <summary>What the finding does to the decision.</summary>
    public FindingKind Kind { get; }

    /// <summary>
    /// The Chinese sentence, ending with the citation of <see cref="Clause"/> in brackets: a statutory clause id is written
    /// out as the document cites it (<see cref="Documents.PolicyCitation.Format(string)"/>: <c>96/2.2.1</c> →
    /// <c>（人社部发〔2020〕96号 二（二）1）</c>); a firm's own regulation is written as the criterion gives it.
    /// </summary>
    /// <remarks>
    /// The statutory rules decide without writing sentences; a finding's sentence is composed the first time it is
    /// read (by the output writers, a document, a criterion) and kept. Reading it is thread-safe.
    /// </remarks>
    public string Message => _message ?? ComposeMessage();

    /// <summary>
    /// For a <see cref="FindingKind.Failed"/> finding that only time will cure: the day the condition will be met.
    /// A decision whose failures all carry this date is not yet eligible and states the latest of them as
    /// <c>earliest_eligible_on</c>.
    /// </summary>
    public DateOnly? MetOn { get; }

    /// <summary>Creates a finding; the citation of the clause is appended to the sentence.</summary>
    /// <param name="ruleId">The rule or criterion id.</param>
    /// <param name="clause">The clause or regulation cited.</param>
    /// <param name="kind">What the finding does to the decision.</param>
    /// <param name="sentence">The Chinese sentence without the clause id.</param>
    /// <param name="metOn">For a failure only time will cure, the day it will be met.</param>
    public static Finding Create(string ruleId, string clause, FindingKind kind, string sentence, DateOnly? metOn = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clause);
        ArgumentException.ThrowIfNullOrWhiteSpace(sentence);
        if (metOn is not null && kind != FindingKind.Failed)
        {
            throw new ArgumentException("Only a failed finding has a date on which it will be met.", nameof(metOn));
        }

        return new Finding(ruleId, clause, kind, WithClause(sentence, clause), sentence: null, metOn);
    }

    /// <summary>
    /// Equal when rule, clause, kind, date and sentence are equal (a deferred sentence is composed to compare).
    /// </summary>
    /// <param name="other">The finding to compare with.</param>
    public bool Equals(Finding? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (RuleId == other.RuleId && Clause == other.Clause && Kind == other.Kind && MetOn == other.MetOn &&
             Message == other.Message));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RuleId, Clause, Kind, MetOn, Message);

    /// <summary>
    /// A statutory finding whose sentence is composed only when <see cref="Message"/> is first read: deciding a
    /// million employees does not write several million sentences that, in many uses, nobody reads. The finding keeps
    /// the values its sentence names in <paramref name="args"/> (immutable values only); <paramref name="sentence"/>,
    /// a <see langword="static"/> lambda, puts them into words. One small object per finding, no closure.
    /// </summary>
    internal static Finding Deferred<TArgs>(
        string ruleId, string clause, FindingKind kind, TArgs args, Func<TArgs, string> sentence, DateOnly? metOn = null)
    {
        if (metOn is not null && kind != FindingKind.Failed)
        {
            throw new ArgumentException("Only a failed finding has a date on which it will be met.", nameof(metOn));
        }

        return new Finding(ruleId, clause, kind, message: null, new Sentence<TArgs>(args, sentence), metOn);
    }

    /// <summary>
    /// The same finding with the verdict the host recorded before plug-in code ran: how the criteria stage undoes a
    /// plug-in that rewrote a statutory finding (docs/plugins.md, "The statutory floor").
    /// </summary>
    internal Finding WithVerdict(FindingKind kind, DateOnly? metOn) => new(RuleId, Clause, kind, Message, sentence: null, metOn);

    /// <summary>
    /// A copy for plug-in code to read: statutory findings are shared between decisions (one instance of each constant
    /// sentence), so plug-ins are handed copies and whatever they do to them stays with the copy.
    /// </summary>
    internal Finding Copy() => new(RuleId, Clause, Kind, _message, _sentence, MetOn);

    // One allocation for the message: a million decisions make several million findings.
    private static string WithClause(string sentence, string clause) =>
        string.Concat(sentence.AsSpan().TrimEnd(TrailingPunctuation), "（", CitationOf(clause), "）");

    // A sentence reaches a person, so it cites the document by number and clause (docs/rules.md); the statutory ids are
    // written out once here, anything else (a firm's regulation) as given.
    private static string CitationOf(string clause) => clause switch
    {
        Clauses.Balance => Citations.Balance,
        Clauses.ThroughSeries => Citations.ThroughSeries,
        Clauses.SkillToTitle => Citations.SkillToTitle,
        Clauses.GreenChannel => Citations.GreenChannel,
        Clauses.TitleToSkill => Citations.TitleToSkill,
        Clauses.Equivalence => Citations.Equivalence,
        Clauses.JiangxiSeries => Citations.JiangxiSeries,
        Clauses.ProjectDefault => Citations.ProjectDefault,
        _ => Documents.PolicyCitation.Format(clause),
    };

    // Two threads reading at once may both compose; they compose the same text and either result is kept.
    private string ComposeMessage()
    {
        var message = WithClause(_sentence!.Compose(), Clause);
        _message = message;
        return message;
    }

    private static class Citations
    {
        internal static readonly string Balance = Documents.PolicyCitation.Format(Clauses.Balance);
        internal static readonly string ThroughSeries = Documents.PolicyCitation.Format(Clauses.ThroughSeries);
        internal static readonly string SkillToTitle = Documents.PolicyCitation.Format(Clauses.SkillToTitle);
        internal static readonly string GreenChannel = Documents.PolicyCitation.Format(Clauses.GreenChannel);
        internal static readonly string TitleToSkill = Documents.PolicyCitation.Format(Clauses.TitleToSkill);
        internal static readonly string Equivalence = Documents.PolicyCitation.Format(Clauses.Equivalence);
        internal static readonly string JiangxiSeries = Documents.PolicyCitation.Format(Clauses.JiangxiSeries);
        internal static readonly string ProjectDefault = Documents.PolicyCitation.Format(Clauses.ProjectDefault);
    }

    // How a deferred sentence is composed: its values and a static method that puts them into words.
    private abstract class Sentence
    {
        public abstract string Compose();
    }

    private sealed class Sentence<TArgs>(TArgs args, Func<TArgs, string> compose) : Sentence
    {
        public override string Compose() => compose(args);
    }
}
