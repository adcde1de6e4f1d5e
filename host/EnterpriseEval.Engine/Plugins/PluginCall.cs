using System.Diagnostics;
using EnterpriseEval.Engine.Output;

namespace EnterpriseEval.Engine.Plugins;

/// <summary>
/// The one guard around every call into plug-in code outside a criterion's own watchdog (docs/plugins.md, "Trust
/// model"): grade maps, scoring, pay tables, template functions. An exception becomes a Chinese problem naming the
/// plug-in and the member, never an 「内部错误」 without a plug-in name; the time spent counts against the plug-in's
/// budget for the run (<see cref="PluginBudget"/>). Kept central on purpose: process isolation hooks its "current
/// plug-in" marker here.
/// </summary>
internal static class PluginCall
{
    /// <summary>
    /// The core guard, without allocation: runs <paramref name="call"/> on <paramref name="state"/> for
    /// <paramref name="plugin"/>, charging the time to <paramref name="meter"/>; returns <paramref name="fallback"/> and the
    /// exception when the call throws, or the fallback and the budget's message when the plug-in is out of budget.
    /// </summary>
    /// <param name="plugin">The plug-in's id.</param>
    /// <param name="member">The member called, e.g. <c>IPostGradeMap.GradeFor</c>.</param>
    /// <param name="state">What the call needs (a value tuple: no closure).</param>
    /// <param name="call">The call into plug-in code (a static lambda).</param>
    /// <param name="fallback">What the host uses instead when the call fails or the plug-in is disabled.</param>
    /// <param name="meter">The plug-in's time in the run, or null when no budget applies.</param>
    /// <param name="error">The exception the call threw, or null.</param>
    /// <param name="exhausted">The budget's Chinese message when the plug-in was not called for being out of budget, or null.</param>
    public static T Try<TState, T>(
        string plugin, string member, TState state, Func<TState, T> call, T fallback, PluginBudget.Meter? meter, out Exception? error, out string? exhausted)
    {
        // In a worker process, the plug-in's number marks this thread: if its code ends the process, the parent names it.
        using var marked = PluginCallMarker.Enter(plugin);
        _ = member; // named by the caller's message (Run, Failed)
        return TryMarked(state, call, fallback, meter, out error, out exhausted);
    }

    /// <summary>
    /// As <see cref="Try{TState, T}"/>, for a caller that has already marked the thread with the plug-in
    /// (<see cref="PluginCallMarker"/>): the criteria stage marks once for all of a plug-in's criteria on a decision,
    /// and charges their time itself (passing no meter), so a criterion call reads neither the marker's slot nor the clock.
    /// </summary>
    /// <param name="state">What the call needs (a value tuple: no closure).</param>
    /// <param name="call">The call into plug-in code (a static lambda).</param>
    /// <param name="fallback">What the host uses instead when the call fails or the plug-in is disabled.</param>
    /// <param name="meter">The plug-in's time in the run, or null when no budget applies or the caller charges it.</param>
    /// <param name="error">The exception the call threw, or null.</param>
    /// <param name="exhausted">The budget's Chinese message when the plug-in was not called for being out of budget, or null.</param>
    public static T TryMarked<TState, T>(
        TState state, Func<TState, T> call, T fallback, PluginBudget.Meter? meter, out Exception? error, out string? exhausted)
    {
        error = null;
        if ((exhausted = meter?.Exhausted) is not null)
        {
            return fallback;
        }

        // The clock is read only when a budget applies: without one (PluginTimeBudgetSeconds 0), or when the caller
        // charges the time itself (the criteria stage charges a plug-in's criteria once per decision, passing no meter),
        // a call reads no clock.
        var timed = meter is { Limited: true };
        var start = timed ? PluginBudget.Now() : 0;
        try
        {
            return call(state);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error = e is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : e;
            return fallback;
        }
        finally
        {
            if (timed)
            {
                meter!.Charge(PluginBudget.Now() - start);
            }
        }
    }

    /// <summary>Runs <paramref name="call"/> for <paramref name="plugin"/>; on failure returns <paramref name="fallback"/> and the problem.</summary>
    /// <param name="plugin">The plug-in's id.</param>
    /// <param name="member">The member called, e.g. <c>IPostGradeMap.GradeFor</c>.</param>
    /// <param name="state">What the call needs.</param>
    /// <param name="call">The call into plug-in code.</param>
    /// <param name="fallback">What the host uses instead when the call fails or the plug-in is disabled.</param>
    /// <param name="meter">The plug-in's time in the run, or null when no budget applies.</param>
    /// <param name="problem">Null on success; otherwise the Chinese sentence naming the plug-in and the member.</param>
    public static T Run<TState, T>(string plugin, string member, TState state, Func<TState, T> call, T fallback, PluginBudget.Meter? meter, out string? problem)
    {
        var result = Try(plugin, member, state, call, fallback, meter, out var error, out var exhausted);
        problem = exhausted ?? (error is null ? null : Failed(plugin, member, error));
        return result;
    }

    /// <summary>As <see cref="Run{TState, T}"/>, for a call that needs no state.</summary>
    public static T Run<T>(string plugin, string member, Func<T> call, T fallback, PluginBudget? budget, out string? problem) =>
        Run(plugin, member, call, static c => c(), fallback, budget?.For(plugin), out problem);

    /// <summary>Runs <paramref name="call"/>; an exception is rethrown as a <see cref="PluginCallException"/> naming the plug-in and member.</summary>
    public static T Run<T>(string plugin, string member, Func<T> call, PluginBudget? budget = null)
    {
        var result = Run(plugin, member, call, default(T)!, budget, out var problem);
        return problem is null ? result : throw new PluginCallException(plugin, member, problem);
    }

    /// <summary>The Chinese sentence for a plug-in call that threw; a 身份证号 in the message is masked (docs/security.md).</summary>
    public static string Failed(string plugin, string member, Exception e) =>
        $"插件 {plugin} 的 {member} 运行出错（{Describe(e)}）";

    /// <summary><c>Type: message</c> of an exception from plug-in code, a 身份证号 in it masked (docs/security.md).</summary>
    public static string Describe(Exception e)
    {
        var cause = e is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : e;
        return $"{cause.GetType().Name}: {IdentityScrubber.Scrub(cause.Message)}";
    }
}

/// <summary>A call into plug-in code failed: the message names the plug-in and the member, in Chinese.</summary>
internal sealed class PluginCallException(string plugin, string member, string message) : UserFacingException(message)
{
    public string Plugin { get; } = plugin;

    public string Member { get; } = member;
}

/// <summary>
/// Each plug-in's total time in one run (<see cref="PluginsOptions.PluginTimeBudgetSeconds"/>): summed over every call
/// on every worker. Past it the plug-in is disabled for the rest of the run: its criteria and maps are no longer called
/// and the decisions they would judge go to <c>needs_review</c> with the Chinese message <see cref="Exhausted"/> gives.
/// </summary>
/// <remarks>
/// Time is read from the system's coarse monotonic clock (<see cref="Environment.TickCount64"/>, milliseconds, advancing
/// a tick of a few milliseconds at a time), which costs a few nanoseconds a read where the precise clock costs tens on a
/// virtual machine: the stage reads it twice an employee. A stretch shorter than a tick is charged a whole tick or
/// nothing, as the tick happens to fall inside it or not, so over the thousands of stretches a budget is spent on the sum
/// comes to the time spent (a tick's worth either way at most for one stretch); the budget is seconds.
/// </remarks>
internal sealed class PluginBudget(double seconds)
{
    private readonly long _limit = seconds <= 0 ? long.MaxValue : (long)(seconds * 1000);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Meter> _spent = new(StringComparer.Ordinal);

    public double Seconds { get; } = seconds;

    /// <summary>The clock the budget is kept by, in milliseconds (see the remarks): read before and after plug-in code runs.</summary>
    public static long Now() => Environment.TickCount64;

    /// <summary>Adds <paramref name="milliseconds"/> (a difference of <see cref="Now"/>) to the plug-in's time.</summary>
    public void Charge(string plugin, long milliseconds) => For(plugin).Charge(milliseconds);

    /// <summary>Null while the plug-in is within its budget; else why it is disabled, in Chinese.</summary>
    public string? Exhausted(string plugin) => For(plugin).Exhausted;

    /// <summary>The plug-in's meter: looked up once (per criterion), not on every call.</summary>
    public Meter For(string plugin) => _spent.GetOrAdd(plugin, id => new Meter(id, this));

    /// <summary>One plug-in's time in the run.</summary>
    internal sealed class Meter(string plugin, PluginBudget budget)
    {
        private long _milliseconds;

        /// <summary>Whether a budget applies (else time is neither measured nor charged).</summary>
        public bool Limited => budget._limit != long.MaxValue;

        public void Charge(long milliseconds)
        {
            if (Limited && milliseconds != 0)
            {
                Interlocked.Add(ref _milliseconds, milliseconds);
            }
        }

        public string? Exhausted => Volatile.Read(ref _milliseconds) > budget._limit
            ? $"插件 {plugin} 本次运行累计耗时超过时间预算（{budget.Seconds:0.###} 秒，EnterpriseEval:Plugins:PluginTimeBudgetSeconds），已在本次运行中停用，请人工复核"
            : null;
    }
}
