using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>How findings name dates, certificates and titles, so every rule says them the same way.</summary>
internal static class ChineseText
{
    /// <summary>2020年3月1日.</summary>
    internal static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>技师职业技能等级证书（车工，证书编号 JS-001，2020年3月1日发证）.</summary>
    internal static string Certificate(SkillCertificate certificate)
    {
        var occupation = certificate.Occupation.Length > 0 ? certificate.Occupation + "，" : "";
        var number = certificate.CertificateNo.Length > 0 ? $"证书编号 {certificate.CertificateNo}，" : "";
        return $"{certificate.Level.ToChinese()}{certificate.Kind.ToChinese()}证书" +
            $"（{occupation}{number}{Date(certificate.IssuedOn)}发证）";
    }

    /// <summary>工程系列中级职称（证书编号 GC-001，2019年6月1日取得）.</summary>
    internal static string Title(ProfessionalTitle title)
    {
        var number = title.CertificateNo.Length > 0 ? $"证书编号 {title.CertificateNo}，" : "";
        return $"{title.Series.ToChinese()}系列{title.Level.ToChinese()}职称（{number}{Date(title.ObtainedOn)}取得）";
    }

    /// <summary>"参加工作之日（2015年7月1日）" or "入职之日（…）", whichever cumulative work years count from.</summary>
    internal static string WorkStart(Employee employee) =>
        employee.FirstWorkDate is { } first ? $"参加工作之日（{Date(first)}）" : $"入职之日（{Date(employee.HireDate)}）";
}
