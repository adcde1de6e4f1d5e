using System.Globalization;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Service.Screening;

namespace EnterpriseEval.Service.Web;

/// <summary>How the pages write dates, times, states and codes for people.</summary>
internal static class Format
{
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Time(DateTimeOffset time) => time.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string State(JobState state) => Endpoints.ScreeningEndpoints.StateName(state);

    /// <summary>A level code (title or skill level) in Chinese.</summary>
    public static string Level(string code) => Workflow.Review.ReviewExports.LevelName(code);

    public static string Path(string code) => Workflow.Review.ReviewExports.PathName(code);

    public static string Outcome(string code) => Vocabulary.TryParse<Outcome>(code, out var o) ? o.ToChinese() : code;

    public static string Series(string code) => Workflow.Review.ReviewExports.SeriesName(code);

    public static string Number(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
