using EnterpriseEval.Engine.Screening;
using Spectre.Console;

namespace EnterpriseEval.Host.Commands;

/// <summary>A progress bar for long jobs on an interactive console; nothing on a pipe or in CI.</summary>
internal static class ProgressDisplay
{
    public static T Run<T>(IAnsiConsole console, Func<IProgress<ScreeningStage>?, T> run)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return run(null);
        }

        T result = default!;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("准备");
                result = run(new Progress<ScreeningStage>(s =>
                {
                    task.Description = s.Name;
                    task.MaxValue = Math.Max(1, s.Total);
                    task.Value = s.Done;
                }));
            });
        return result;
    }
}
