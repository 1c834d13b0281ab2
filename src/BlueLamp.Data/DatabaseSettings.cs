using Microsoft.Extensions.Configuration;

namespace BlueLamp.Data;

/// <summary>
/// Where BlueLamp's data lives, read the same way by every host (web app, command line, tests):
/// <c>Database:Provider</c> (Sqlite | Postgres), <c>ConnectionStrings:BlueLamp</c>, and the data folder
/// <c>BLUELAMP_DATA</c> (default <c>./data</c>), which holds the SQLite file and the demo passwords.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataFolder)
{
    public const string DataFolderKey = "BLUELAMP_DATA";
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "BlueLamp";

    public static DatabaseSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var dataFolder = Path.GetFullPath(configuration[DataFolderKey] is { Length: > 0 } folder ? folder : "data");

        var providerText = configuration[ProviderKey];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText))
            provider = DatabaseProvider.Sqlite;
        else if (!Enum.TryParse(providerText, ignoreCase: true, out provider) || !Enum.IsDefined(provider))
            throw new InvalidOperationException($"{ProviderKey} is '{providerText}'; it must be Sqlite or Postgres.");

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(dataFolder, "bluelamp.db")}"
                : throw new InvalidOperationException(
                    $"{ProviderKey} is Postgres but ConnectionStrings:{ConnectionStringName} is not set " +
                    "(e.g. environment variable ConnectionStrings__BlueLamp=\"Host=...;Database=bluelamp;Username=...;Password=...\").");
        }
        return new DatabaseSettings(provider, connectionString, dataFolder);
    }
}
