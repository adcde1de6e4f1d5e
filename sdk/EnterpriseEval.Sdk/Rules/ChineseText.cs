using System.Globalization;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>
/// How findings name dates, certificates and titles, so every rule says them the same way. Each phrase is a value
/// that formats itself into the sentence being composed (<see cref="ISpanFormattable"/>), so a sentence is written
/// once, straight into its buffer, without a string per phrase.
/// </summary>
internal static class ChineseText
{
    /// <summary>2020年3月1日.</summary>
    internal static DatePhrase Date(DateOnly date) => new(date);

    /// <summary>技师职业技能等级证书（车工，证书编号 JS-001，2020年3月1日发证）.</summary>
    internal static CertificatePhrase Certificate(SkillCertificate certificate) => new(certificate);

    /// <summary>工程系列中级职称（证书编号 GC-001，2019年6月1日取得）.</summary>
    internal static TitlePhrase Title(ProfessionalTitle title) => new(title);

    /// <summary>"参加工作之日（2015年7月1日）" or "入职之日（…）", whichever cumulative work years count from.</summary>
    internal static WorkStartPhrase WorkStart(Employee employee) => new(employee);

    // A phrase on its own, where a string is wanted.
    private static string Text<T>(T phrase)
        where T : ISpanFormattable => string.Create(CultureInfo.InvariantCulture, stackalloc char[128], $"{phrase}");

    /// <summary>Writes phrases piece by piece into a span; false when it is too short (the caller grows it).</summary>
    private ref struct Writer(Span<char> destination)
    {
        private readonly Span<char> _destination = destination;

        public int Written { get; private set; }

        public bool Ok { get; private set; } = true;

        public void Add(string text)
        {
            if (Ok && text.AsSpan().TryCopyTo(_destination[Written..]))
            {
                Written += text.Length;
            }
            else
            {
                Ok = false;
            }
        }

        public void Add(int number)
        {
            if (Ok && number.TryFormat(_destination[Written..], out var n, default, CultureInfo.InvariantCulture))
            {
                Written += n;
            }
            else
            {
                Ok = false;
            }
        }

        public readonly bool Finish(out int charsWritten)
        {
            charsWritten = Ok ? Written : 0;
            return Ok;
        }

        public void Add(DateOnly date)
        {
            Add(date.Year);
            Add("年");
            Add(date.Month);
            Add("月");
            Add(date.Day);
            Add("日");
        }
    }

    /// <summary>A date in words: 2020年3月1日.</summary>
    internal readonly struct DatePhrase(DateOnly date) : ISpanFormattable
    {
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        {
            var w = new Writer(destination);
            w.Add(date);
            return w.Finish(out charsWritten);
        }

        public string ToString(string? format, IFormatProvider? formatProvider) => Text(this);

        public override string ToString() => Text(this);
    }

    /// <summary>A certificate in words: level, kind, and in brackets occupation, number and issue date.</summary>
    internal readonly struct CertificatePhrase(SkillCertificate certificate) : ISpanFormattable
    {
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        {
            var w = new Writer(destination);
            w.Add(certificate.Level.ToChinese());
            w.Add(certificate.Kind.ToChinese());
            w.Add("证书（");
            if (certificate.Occupation.Length > 0)
            {
                w.Add(certificate.Occupation);
                w.Add("，");
            }

            if (certificate.CertificateNo.Length > 0)
            {
                w.Add("证书编号 ");
                w.Add(certificate.CertificateNo);
                w.Add("，");
            }

            w.Add(certificate.IssuedOn);
            w.Add("发证）");
            return w.Finish(out charsWritten);
        }

        public string ToString(string? format, IFormatProvider? formatProvider) => Text(this);

        public override string ToString() => Text(this);
    }

    /// <summary>A title in words: series, level, and in brackets number and date obtained.</summary>
    internal readonly struct TitlePhrase(ProfessionalTitle title) : ISpanFormattable
    {
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        {
            var w = new Writer(destination);
            w.Add(title.Series.ToChinese());
            w.Add("系列");
            w.Add(title.Level.ToChinese());
            w.Add("职称（");
            if (title.CertificateNo.Length > 0)
            {
                w.Add("证书编号 ");
                w.Add(title.CertificateNo);
                w.Add("，");
            }

            w.Add(title.ObtainedOn);
            w.Add("取得）");
            return w.Finish(out charsWritten);
        }

        public string ToString(string? format, IFormatProvider? formatProvider) => Text(this);

        public override string ToString() => Text(this);
    }

    /// <summary>Where cumulative work years count from: 参加工作之日（…） or 入职之日（…）.</summary>
    internal readonly struct WorkStartPhrase(Employee employee) : ISpanFormattable
    {
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        {
            var w = new Writer(destination);
            if (employee.FirstWorkDate is { } first)
            {
                w.Add("参加工作之日（");
                w.Add(first);
            }
            else
            {
                w.Add("入职之日（");
                w.Add(employee.HireDate);
            }

            w.Add("）");
            return w.Finish(out charsWritten);
        }

        public string ToString(string? format, IFormatProvider? formatProvider) => Text(this);

        public override string ToString() => Text(this);
    }
}
