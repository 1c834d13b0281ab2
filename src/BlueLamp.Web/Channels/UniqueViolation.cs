using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Channels;

/// <summary>Tells a unique-index refusal (a duplicate, which is expected) from any other database failure (which is not).</summary>
public static class UniqueViolation
{
    public static bool Is(DbUpdateException exception) => exception?.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
