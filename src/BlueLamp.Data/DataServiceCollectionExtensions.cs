using BlueLamp.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
                services.AddPooledDbContextFactory<SqliteBlueLampDb>(o => o.UseSqlite(settings.ConnectionString).AddInterceptors(new SqliteBusyTimeout()));
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
