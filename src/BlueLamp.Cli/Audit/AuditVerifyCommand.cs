using BlueLamp.Data;
using BlueLamp.Data.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Cli.Audit;

/// <summary><c>audit verify</c>: reads every force's audit trail back and checks its hash chain.</summary>
internal static class AuditVerifyCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        if (settings.Provider == DatabaseProvider.Sqlite && !DatabaseExists(settings))
        {
            await error.WriteLineAsync($"No BlueLamp database at {settings.ConnectionString}. Start the web app once, or set BLUELAMP_DATA.");
            return 2;
        }

        var results = await services.GetRequiredService<AuditVerifier>().VerifyAllAsync();
        var total = 0;
        foreach (var (slug, name, result) in results)
        {
            total += result.CheckedCount;
            if (!result.IsIntact)
            {
                await output.WriteLineAsync($"BROKEN: force '{slug}' ({name}): audit event {result.BrokenSequence}" +
                    (result.BrokenEventId is { } id ? $" (row id {id})" : "") + $" is the first broken entry: {result.Reason}.");
                await output.WriteLineAsync($"{total} events checked before the break.");
                return 1;
            }
            await output.WriteLineAsync($"force '{slug}' ({name}): {result.CheckedCount} events, chain intact");
        }
        await output.WriteLineAsync($"OK: {total} audit events checked across {results.Count} force(s); every chain is intact.");
        return 0;
    }

    private static bool DatabaseExists(DatabaseSettings settings)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        return File.Exists(file);
    }
}
