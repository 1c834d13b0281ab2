using BlueLamp.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BlueLamp.Data;

/// <summary>Registers BlueLamp's database on the provider the configuration names.</summary>
public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddBlueLampData(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DatabaseSettings.From(configuration);
        services.AddSingleton(settings);
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddPooledDbContextFactory<SqliteBlueLampDb>(o => o.UseSqlite(settings.ConnectionString).AddInterceptors(new SqliteBusyTimeout())
                    // A migration that rebuilds a SQLite table switches foreign keys off outside its transaction, and EF Core
                    // warns that a crash there leaves it half-done. DatabaseMigrator saves a copy of the file before any
                    // upgrade, so the warning only alarms whoever reads a first start's log: it is kept at debug.
                    .ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug))));
                services.AddSingleton(sp => new BlueLampDbFactory(sp.GetRequiredService<IDbContextFactory<SqliteBlueLampDb>>().CreateDbContext));
                break;
            case DatabaseProvider.Postgres:
                services.AddPooledDbContextFactory<PostgresBlueLampDb>(o => o.UseNpgsql(settings.ConnectionString));
                services.AddSingleton(sp => new BlueLampDbFactory(sp.GetRequiredService<IDbContextFactory<PostgresBlueLampDb>>().CreateDbContext));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {settings.Provider}.");
        }
        // The request-scoped context, used by ASP.NET Core Identity's stores; it sees no force's records.
        services.AddScoped(sp => sp.GetRequiredService<BlueLampDbFactory>().Unscoped());
        // SQLite's one writer: its writers take turns in-process (see WriteTurn); free on PostgreSQL.
        services.AddSingleton(sp => new WriteTurn(settings.Provider == DatabaseProvider.Sqlite, sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AuditVerifier>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
