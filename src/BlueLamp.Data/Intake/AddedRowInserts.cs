using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace BlueLamp.Data.Intake;

/// <summary>
/// Writes the context's added entities of the given types with one multi-row <c>INSERT</c> per type (per few hundred
/// rows) instead of EF Core's statement per row, then stops tracking them, so the <c>SaveChanges</c> that follows
/// writes (and compares) only the rest (updates, and the rows that refer to these). For the intake's hot path, where a batch adds a
/// message and an assessment per event and EF Core's update pipeline (a statement, parameter names and a command per
/// row, sorted, then parsed again by the driver) cost more CPU than everything else the intake does.
/// <para>
/// The columns, names and conversions come from the EF Core model, as <c>SaveChanges</c> would use them: each value
/// goes through its property's type mapping (so a SQLite time is UTC ticks and a Guid is text, as everywhere else).
/// Entity types with store-generated values, owned types or complex properties are refused rather than written wrong.
/// A failed insert throws <see cref="DbUpdateException"/>, as <c>SaveChanges</c> would, so callers' retries on a
/// concurrent write (a unique index) work the same. Runs inside the caller's transaction: call it in one.
/// </para>
/// </summary>
public static class AddedRowInserts
{
    /// <summary>Parameters per statement: well inside SQLite's 32,766 and PostgreSQL's 65,535.</summary>
    private const int MaxParameters = 30_000;

    private static readonly ConcurrentDictionary<(IEntityType Type, int Rows), string> Statements = new();
    private static readonly ConcurrentDictionary<IEntityType, IProperty[]> Columns = new();

    /// <summary>
    /// Inserts the added entities of <paramref name="inOrder"/>'s types, type by type in that order (principals before
    /// the rows that refer to them); returns how many rows it wrote.
    /// </summary>
    public static async Task<int> InsertAsync(DbContext db, IReadOnlyList<Type> inOrder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(inOrder);
        // Entities added with Add are known as added without a scan of every tracked entity (there are no navigations
        // here to discover new ones through), and their values are read from the entities themselves.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        ILookup<Type, EntityEntry> added;
        try
        {
            added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToLookup(e => e.Metadata.ClrType);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
        var written = 0;
        foreach (var clrType in inOrder)
        {
            var entries = added[clrType].ToList();
            if (entries.Count == 0)
                continue;
            var entityType = db.Model.FindEntityType(clrType) ?? throw new ArgumentException($"{clrType.Name} is not an entity type of this model.", nameof(inOrder));
            await InsertAsync(db, entityType, entries, cancellationToken);
            // Written: no longer the context's to save, nor to compare with a snapshot on every later save.
            foreach (var entry in entries)
                entry.State = EntityState.Detached;
            written += entries.Count;
        }
        return written;
    }

    private static async Task InsertAsync(DbContext db, IEntityType entityType, List<EntityEntry> entries, CancellationToken cancellationToken)
    {
        var columns = Columns.GetOrAdd(entityType, ColumnsOf);
        var positional = db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Added rows are inserted inside the caller's transaction; begin one first.");
        foreach (var chunk in entries.Chunk(Math.Max(1, MaxParameters / columns.Length)))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Statements.GetOrAdd((entityType, chunk.Length), key => Statement(key.Type, columns, key.Rows, positional));
            var n = 0;
            foreach (var entry in chunk)
            {
                foreach (var column in columns)
                {
                    // PostgreSQL: unnamed parameters and $n placeholders, which Npgsql sends without parsing the text.
                    var name = positional ? "" : "@p" + n.ToString(CultureInfo.InvariantCulture);
                    command.Parameters.Add(column.GetRelationalTypeMapping().CreateParameter(command, name, entry.CurrentValues[column], column.IsNullable));
                    n++;
                }
            }
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (DbException e)
            {
                throw new DbUpdateException($"Inserting {chunk.Length} {entityType.DisplayName()} rows failed: {e.Message}", e);
            }
        }
    }

    private static IProperty[] ColumnsOf(IEntityType entityType)
    {
        if (entityType.GetTableName() is null || entityType.GetComplexProperties().Any() || entityType.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
            throw new NotSupportedException($"{entityType.DisplayName()} is not a plain table: write it with SaveChanges.");
        var properties = entityType.GetProperties().ToArray();
        // A value the database makes (an identity key, a default, a computed column) would be written here as the CLR default.
        if (properties.FirstOrDefault(p => p.GetBeforeSaveBehavior() != PropertySaveBehavior.Save || p.GetDefaultValueSql() is not null
                || p.GetComputedColumnSql() is not null || (p.IsKey() && p.ValueGenerated != ValueGenerated.Never && p.ClrType != typeof(Guid))) is { } generated)
            throw new NotSupportedException($"{entityType.DisplayName()}.{generated.Name} is generated by the database: write it with SaveChanges.");
        return properties;
    }

    private static string Statement(IEntityType entityType, IProperty[] columns, int rows, bool positional)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = new StringBuilder("INSERT INTO ");
        if (entityType.GetSchema() is { } schema)
            sql.Append(Quoted(schema)).Append('.');
        sql.Append(Quoted(table.Name)).Append(" (").AppendJoin(", ", columns.Select(c => Quoted(c.GetColumnName(table)!))).Append(") VALUES ");
        var n = 0;
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++, n++)
                sql.Append(c == 0 ? "" : ", ").Append(positional ? "$" : "@p").Append((positional ? n + 1 : n).ToString(CultureInfo.InvariantCulture));
            sql.Append(')');
        }
        return sql.ToString();
    }

    private static string Quoted(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
