using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/EsRuntime.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
