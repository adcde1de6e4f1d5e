using BenchmarkDotNet.Running;

// `dotnet run -c Release --project tests/EnterpriseEval.Benchmarks -- --filter '*'` (add `--job short` for a quick run).
BenchmarkSwitcher.FromAssembly(typeof(EnterpriseEval.Benchmarks.BenchmarkRoster).Assembly).Run(args);
