using EnterpriseEval.Engine;

namespace EnterpriseEval.Workflow.Review;

/// <summary>A share such as 2/3, compared exactly (a × denominator ≥ numerator × b).</summary>
internal sealed record Fraction(int Numerator, int Denominator)
{
    public static Fraction Parse(string text, string setting)
    {
        var parts = text.Split('/', StringSplitOptions.TrimEntries);
        return parts.Length == 2 && int.TryParse(parts[0], out var n) && int.TryParse(parts[1], out var d) && n > 0 && d > 0 && n <= d
            ? new Fraction(n, d)
            : throw new UserFacingException($"配置错误（{setting}）：应为不大于 1 的分数，如 2/3，收到“{text}”");
    }

    /// <summary>Whether <paramref name="part"/> is at least this share of <paramref name="whole"/>.</summary>
    public bool Reaches(int part, int whole) => (long)part * Denominator >= (long)Numerator * whole;

    public override string ToString() => $"{Numerator}/{Denominator}";
}
