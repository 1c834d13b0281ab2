using BlueLamp.Cli.Audit;
using BlueLamp.Cli.Triage;
using BlueLamp.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Cli;

/// <summary>
/// BlueLamp's command line. It reads the same settings as the web app: the environment variables
/// <c>BLUELAMP_DATA</c>, <c>Database__Provider</c> and <c>ConnectionStrings__BlueLamp</c>, or the same keys
/// as <c>--Database:Provider=Postgres</c> style arguments after the command.
/// </summary>
public static class CliApp
{
    public const string Usage = """
        Usage: dotnet run --project src/BlueLamp.Cli -- <command>

        Commands:
          audit verify    Check every force's audit chain. Exit code 0: intact; 1: broken (the first broken entry is named).
          triage [--indicators FILE]
                          Assess JSON lines from stdin, each {"id", "text", "kind": "dm" | "comment" | "mention", "parent"?},
                          and write one JSON line per input line: grade, lifeAtRisk, category, score and the indicators
                          that fired. A bad line gets an error line naming its line number. Uses the shipped indicator
                          set unless FILE is given. Exit code 0 unless stdin cannot be read.
          triage train-model --version NAME [--corpora DIR] [--out FILE]
                          Train the life-at-risk model on the tune splits of the corpora in DIR (default
                          tests/BlueLamp.Core.Tests/Triage/Samples), choose its thresholds by 5-fold cross-validation,
                          print the figures and write the weights file (default src/BlueLamp.Core/Triage/Models/
                          life-at-risk.json). Exit code 1 when no threshold passes: the model does not help.

        Settings (the same as the web app's): BLUELAMP_DATA (default ./data), Database__Provider (Sqlite | Postgres),
        ConnectionStrings__BlueLamp.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IDictionary<string, string?>? settings = null, TextReader? input = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var words = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var switches = args.Skip(words.Length).ToArray();

        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .AddCommandLine(switches)
            .Build();

        switch (words)
        {
            case ["triage"]:
                return await TriageCommand.RunAsync(configuration["indicators"], input ?? Console.In, output, error);
            case ["triage", "train-model"]:
                return await TrainModelCommand.RunAsync(configuration["corpora"], configuration["out"], configuration["version"], output, error);
            case ["audit", "verify"]:
                await using (var services = BuildServices(configuration))
                    return await AuditVerifyCommand.RunAsync(services, output, error);
            case [] or ["help"] or ["--help"]:
                await output.WriteLineAsync(Usage);
                return words.Length == 0 ? 2 : 0;
            default:
                await error.WriteLineAsync($"Unknown command: {string.Join(' ', words)}");
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static ServiceProvider BuildServices(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddBlueLampData(configuration);
        return services.BuildServiceProvider();
    }
}
