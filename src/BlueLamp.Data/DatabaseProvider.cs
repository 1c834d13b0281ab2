namespace BlueLamp.Data;

/// <summary>Which database BlueLamp runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file in the data folder: the default, for a single node.</summary>
    Sqlite = 1,

    /// <summary>A PostgreSQL server: for production and several nodes.</summary>
    Postgres = 2,
}
