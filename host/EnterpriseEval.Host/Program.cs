using System.Text;
using EnterpriseEval.Host.Cli;
using Spectre.Console;

Console.OutputEncoding = Encoding.UTF8;
return await EevalApp.RunAsync(args, AnsiConsole.Console);
