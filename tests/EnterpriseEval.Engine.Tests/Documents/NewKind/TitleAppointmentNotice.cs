using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Tests.Documents.NewKind;

/// <summary>
/// The model of a kind the product does not ship, 职称聘任通知书, added as docs/documents.md "Adding a document kind"
/// describes: this record, <see cref="TitleAppointmentNoticeKind"/> and <c>Templates/title_appointment_notice.*.sbn</c>.
/// </summary>
public sealed record TitleAppointmentNotice
{
    /// <summary>发文信息 (<c>issue</c>).</summary>
    public required DocumentIssue Issue { get; init; }

    /// <summary>受文职工 (<c>employee</c>).</summary>
    public required DocumentPerson Employee { get; init; }

    /// <summary>聘任职称层级 (<c>title_level</c>); printed as its Chinese name, e.g. <c>中级</c>.</summary>
    public required TitleLevel TitleLevel { get; init; }

    /// <summary>聘任岗位 (<c>post</c>). Example: <c>机械工程师</c>.</summary>
    public required string Post { get; init; }

    /// <summary>聘期开始 (<c>appointed_from</c>); printed as <c>2027年2月1日</c>.</summary>
    public required DateOnly AppointedFrom { get; init; }
}
