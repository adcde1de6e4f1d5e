using System.Text;
using EnterpriseEval.Host.Cli;
using EnterpriseEval.Host.Cli.Isolation;
using Spectre.Console;

Console.OutputEncoding = Encoding.UTF8;

// A worker started by eeval to run plug-in code (docs/plugins.md, "Process isolation") ends through Complete, never by
// returning: it records its completion first.
if (WorkerProcess.FromEnvironment() is { } worker)
{
    worker.Complete(await EevalApp.RunAsync(args, worker.Console, cancellationToken: worker.Stopping));
}

return await EevalApp.RunAsync(args, AnsiConsole.Console);
