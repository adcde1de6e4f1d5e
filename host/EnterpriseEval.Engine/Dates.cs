using System.Globalization;

namespace EnterpriseEval.Engine;

/// <summary>Dates as people read them in this product: 2026年11月24日.</summary>
internal static class Dates
{
    public static string Chinese(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
