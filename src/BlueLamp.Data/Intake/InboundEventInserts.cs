using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using BlueLamp.Core.Contact;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BlueLamp.Data.Intake;

/// <summary>
/// Stores platform events with one statement per few hundred rows (a dozen on SQLite), <c>INSERT … ON CONFLICT DO NOTHING RETURNING</c>,
/// on SQLite and PostgreSQL alike: the unique index on account and event key drops what is already stored (a retry,
/// the same event at another node, an overlapping poll), also when two writers race, and the statement says which rows
/// it stored. One round trip instead of a look-up and an insert, and no failed statement to retry when a duplicate
/// meets the index. This is the webhooks' acknowledgement path, so it is kept lean on purpose: a plain command with
/// no change tracking and no query compilation (EF Core would compile a new query for every batch size).
/// </summary>
public static class InboundEventInserts
{
    /// <summary>Rows per PostgreSQL statement: 11 parameters each stays far inside its parameter limit.</summary>
    public const int RowsPerStatement = 500;

    private const int ParametersPerRow = 11;

    /// <summary>Rows per SQLite statement, which pays n² for n named parameters (see <see cref="BulkRows.SqliteMaxParameters"/>).</summary>
    public const int SqliteRowsPerStatement = BulkRows.SqliteMaxParameters / ParametersPerRow;

    private static readonly ConcurrentDictionary<int, string> Statements = new();

    /// <summary>
    /// Inserts the rows that are not stored yet (in one transaction when they take more than one statement); returns
    /// the ids of those it stored. Rows must be distinct by account and event key.
    /// </summary>
    public static async Task<IReadOnlySet<Guid>> InsertNewAsync(BlueLampDb db, IReadOnlyList<InboundEvent> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var stored = new HashSet<Guid>();
        if (rows.Count == 0)
            return stored;
        var sqlite = db is SqliteBlueLampDb;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var perStatement = sqlite ? SqliteRowsPerStatement : RowsPerStatement;
            await using var transaction = rows.Count > perStatement ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            foreach (var chunk in rows.Chunk(perStatement))
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.Transaction = transaction?.GetDbTransaction();
                command.CommandText = Statements.GetOrAdd(chunk.Length, Statement);
                for (var i = 0; i < chunk.Length; i++)
                    AddParameters(command, i * ParametersPerRow, chunk[i], sqlite);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                    stored.Add(sqlite ? Guid.Parse(reader.GetString(0)) : reader.GetGuid(0));
            }
            if (transaction is not null)
                await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return stored;
    }

    private static string Statement(int rowCount)
    {
        var sql = new StringBuilder(
            "INSERT INTO inbound_events (\"Id\", \"ForceId\", \"AccountId\", \"Platform\", \"EventKey\", \"PlatformMessageId\", \"Event\", \"Payload\", \"Source\", \"SentAt\", \"ReceivedAt\", \"Attempts\") VALUES ");
        for (var i = 0; i < rowCount; i++)
        {
            sql.Append(i == 0 ? "(" : ", (");
            for (var c = 0; c < ParametersPerRow; c++)
                sql.Append("@p").Append((i * ParametersPerRow + c).ToString(CultureInfo.InvariantCulture)).Append(", ");
            sql.Append("0)");
        }
        return sql.Append(" ON CONFLICT (\"AccountId\", \"EventKey\") DO NOTHING RETURNING \"Id\"").ToString();
    }

    private static void AddParameters(DbCommand command, int first, InboundEvent row, bool sqlite)
    {
        // As the model stores them: on SQLite a Guid is upper-case text and a time is UTC ticks (see SqliteBlueLampDb),
        // on PostgreSQL uuid and timestamptz.
        object[] values =
        [
            sqlite ? Text(row.Id) : row.Id,
            sqlite ? Text(row.ForceId) : row.ForceId,
            sqlite ? Text(row.AccountId) : row.AccountId,
            (int)row.Platform,
            row.EventKey,
            row.PlatformMessageId,
            row.Event,
            row.Payload,
            row.Source,
            sqlite ? row.SentAt.UtcTicks : row.SentAt.ToUniversalTime(),
            sqlite ? row.ReceivedAt.UtcTicks : row.ReceivedAt.ToUniversalTime(),
        ];
        for (var c = 0; c < values.Length; c++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + (first + c).ToString(CultureInfo.InvariantCulture);
            parameter.Value = values[c];
            command.Parameters.Add(parameter);
        }
    }

    private static string Text(Guid id) => id.ToString("D").ToUpperInvariant();
}
