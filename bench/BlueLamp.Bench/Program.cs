using BenchmarkDotNet.Running;
using BlueLamp.Bench;

// On a shared, busy machine wall-clock timings swing with other people's work; the process's own CPU time
// per assessment does not, so `--triage-cpu-time` reports that for the same messages and sets.
if (args is ["--triage-cpu-time"])
{
    foreach (var set in new[] { "default", "default+2000" })
        Console.WriteLine($"{set}: {TriageEngineBenchmark.CpuMicrosecondsPerAssessment(set):0.00} µs CPU time per 280-character message (best of 5 rounds)");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
