using System.Text;
using BlueLamp.Core.Contact;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Data.Intake;

/// <summary>
/// Stores platform events with one statement per few hundred rows, <c>INSERT … ON CONFLICT DO NOTHING RETURNING</c>,
/// on SQLite and PostgreSQL alike: the unique index on account and event key drops what is already stored (a retry,
/// the same event at another node, an overlapping poll), also when two writers race, and the statement says which rows
/// it stored. One round trip instead of a look-up and an insert, no change tracking, and no failed statement to retry
/// when a duplicate meets the index. This is the webhooks' acknowledgement path, so it is kept this lean on purpose.
/// </summary>
public static class InboundEventInserts
{
    /// <summary>Rows per statement: 11 parameters each stays far inside both databases' parameter limits.</summary>
    public const int RowsPerStatement = 500;

    private const string Columns =
        "\"Id\", \"ForceId\", \"AccountId\", \"Platform\", \"EventKey\", \"PlatformMessageId\", \"Event\", \"Payload\", \"Source\", \"SentAt\", \"ReceivedAt\", \"Attempts\"";

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
        await using var transaction = rows.Count > RowsPerStatement ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var (sql, parameters) = Statement(db is SqliteBlueLampDb, chunk);
            stored.UnionWith(await db.Database.SqlQueryRaw<Guid>(sql, parameters).ToListAsync(cancellationToken));
        }
        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    private static (string Sql, object[] Parameters) Statement(bool sqlite, IReadOnlyList<InboundEvent> rows)
    {
        const int perRow = 11;
        var sql = new StringBuilder("INSERT INTO inbound_events (").Append(Columns).Append(") VALUES ");
        var parameters = new object[rows.Count * perRow];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var p = i * perRow;
            sql.Append(i == 0 ? "(" : ", (");
            for (var c = 0; c < perRow; c++)
                sql.Append('{').Append(p + c).Append("}, ");
            sql.Append("0)");
            parameters[p] = row.Id;
            parameters[p + 1] = row.ForceId;
            parameters[p + 2] = row.AccountId;
            parameters[p + 3] = (int)row.Platform;
            parameters[p + 4] = row.EventKey;
            parameters[p + 5] = row.PlatformMessageId;
            parameters[p + 6] = row.Event;
            parameters[p + 7] = row.Payload;
            parameters[p + 8] = row.Source;
            // As the model stores them: UTC ticks on SQLite (see SqliteBlueLampDb), timestamptz on PostgreSQL.
            parameters[p + 9] = sqlite ? row.SentAt.UtcTicks : row.SentAt.ToUniversalTime();
            parameters[p + 10] = sqlite ? row.ReceivedAt.UtcTicks : row.ReceivedAt.ToUniversalTime();
        }
        sql.Append(" ON CONFLICT (\"AccountId\", \"EventKey\") DO NOTHING RETURNING \"Id\" AS \"Value\"");
        return (sql.ToString(), parameters);
    }
}
