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
/// Writes the context's added and changed entities of the given types with one multi-row statement per type (per few
/// hundred rows) instead of EF Core's statement per row, then stops tracking them, so the <c>SaveChanges</c> that
/// follows writes (and compares) only the rest. For the intake's hot path, where a batch adds a message and an
/// assessment and changes a conversation per event, and EF Core's update pipeline (a statement, parameter names and a
/// command per row, sorted, then parsed again by the driver) cost more CPU than everything else the intake does.
/// <para>
/// The columns, names and conversions come from the EF Core model, as <c>SaveChanges</c> would use them: each value
/// goes through its property's type mapping (so a SQLite time is UTC ticks and a Guid is text, as everywhere else).
/// An update writes every column of the row where its concurrency tokens still hold their original values; a row
/// changed meanwhile throws <see cref="DbUpdateConcurrencyException"/>, as <c>SaveChanges</c> would. Entity types with
/// store-generated values, owned types or complex properties are refused rather than written wrong. A failed statement
/// throws <see cref="DbUpdateException"/>, so callers' retries on a concurrent write work the same. Runs inside the
/// caller's transaction: call it in one.
/// </para>
/// </summary>
public static class BulkRows
{
    /// <summary>Parameters per PostgreSQL statement: well inside its 65,535.</summary>
    private const int MaxParameters = 30_000;

    /// <summary>
    /// Parameters per SQLite statement. SQLite finds a named parameter by a linear scan of the statement's names
    /// (<c>sqlite3VListNameToNum</c>, with <c>strncmp</c>), once when it prepares the statement and again when
    /// Microsoft.Data.Sqlite binds each parameter by name, so a statement of n parameters costs n² comparisons: with
    /// 250 messages in one statement that was a quarter of the app's CPU in a profile of the webhook bench.
    /// </summary>
    public const int SqliteMaxParameters = 128;

    private static readonly ConcurrentDictionary<(IEntityType Type, bool Update, int Rows), string> Statements = new();
    private static readonly ConcurrentDictionary<IEntityType, Table> Tables = new();

    /// <summary>
    /// Inserts the added entities of <paramref name="inOrder"/>'s types, type by type in that order (principals before
    /// the rows that refer to them); returns how many rows it wrote.
    /// </summary>
    public static async Task<int> InsertAddedAsync(DbContext db, IReadOnlyList<Type> inOrder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(inOrder);
        // Entities added with Add are known as added without a scan of every tracked entity (there are no navigations
        // here to discover new ones through), and their values are read from the entities themselves.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await WriteAsync(db, inOrder, EntityState.Added, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>Updates the changed entities of <paramref name="types"/>; returns how many rows it wrote.</summary>
    public static async Task<int> UpdateModifiedAsync(DbContext db, IReadOnlyList<Type> types, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(types);
        // Tracked entities are changed through their own methods, so only a comparison with their snapshots finds them.
        db.ChangeTracker.DetectChanges();
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await WriteAsync(db, types, EntityState.Modified, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private static async Task<int> WriteAsync(DbContext db, IReadOnlyList<Type> types, EntityState state, CancellationToken cancellationToken)
    {
        var found = db.ChangeTracker.Entries().Where(e => e.State == state).ToLookup(e => e.Metadata.ClrType);
        var written = 0;
        foreach (var clrType in types)
        {
            var entries = found[clrType].ToList();
            if (entries.Count == 0)
                continue;
            var entityType = db.Model.FindEntityType(clrType) ?? throw new ArgumentException($"{clrType.Name} is not an entity type of this model.", nameof(types));
            await WriteAsync(db, Tables.GetOrAdd(entityType, Table.Of), entries, update: state == EntityState.Modified, cancellationToken);
            // Written: no longer the context's to save, nor to compare with a snapshot on every later save.
            foreach (var entry in entries)
                entry.State = EntityState.Detached;
            written += entries.Count;
        }
        return written;
    }

    private static async Task WriteAsync(DbContext db, Table table, List<EntityEntry> entries, bool update, CancellationToken cancellationToken)
    {
        var positional = db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Rows are written in bulk inside the caller's transaction; begin one first.");
        var perRow = table.Columns.Length + (update ? table.Tokens.Length : 0);
        foreach (var chunk in entries.Chunk(Math.Max(1, (positional ? MaxParameters : SqliteMaxParameters) / perRow)))
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Statements.GetOrAdd((table.EntityType, update, chunk.Length), key => table.Statement(key.Update, key.Rows, positional));
            foreach (var entry in chunk)
            {
                foreach (var column in table.Columns)
                    Add(command, column, entry.CurrentValues[column], positional);
                if (update)
                {
                    foreach (var token in table.Tokens)
                        Add(command, token, entry.OriginalValues[token], positional);
                }
            }
            int rows;
            try
            {
                rows = await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (DbException e)
            {
                throw new DbUpdateException($"Writing {chunk.Length} {table.EntityType.DisplayName()} rows failed: {e.Message}", e);
            }
            if (update && rows != chunk.Length)
            {
                throw new DbUpdateConcurrencyException(
                    $"{chunk.Length - rows} of {chunk.Length} {table.EntityType.DisplayName()} rows were changed or deleted by someone else since they were read.");
            }
        }
    }

    private static void Add(DbCommand command, IProperty property, object? value, bool positional)
    {
        // PostgreSQL: unnamed parameters and $n placeholders, which Npgsql sends without parsing the text.
        var name = positional ? "" : "@p" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
        command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, value, property.IsNullable));
    }

    /// <summary>An entity type's table as these statements write it: every column, its key and its concurrency tokens.</summary>
    private sealed class Table
    {
        private Table(IEntityType entityType, StoreObjectIdentifier store, IProperty[] columns, IProperty[] keys, IProperty[] tokens) =>
            (EntityType, Store, Columns, Keys, Tokens) = (entityType, store, columns, keys, tokens);

        public IEntityType EntityType { get; }

        public StoreObjectIdentifier Store { get; }

        public IProperty[] Columns { get; }

        public IProperty[] Keys { get; }

        public IProperty[] Tokens { get; }

        public static Table Of(IEntityType entityType)
        {
            if (entityType.GetTableName() is not { } name || entityType.GetComplexProperties().Any() || entityType.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
                throw new NotSupportedException($"{entityType.DisplayName()} is not a plain table: write it with SaveChanges.");
            var columns = entityType.GetProperties().ToArray();
            // A value the database makes (an identity key, a default, a computed column) would be written here as the CLR default.
            if (columns.FirstOrDefault(p => p.GetBeforeSaveBehavior() != PropertySaveBehavior.Save || p.GetAfterSaveBehavior() != PropertySaveBehavior.Save && !p.IsKey()
                    || p.GetDefaultValueSql() is not null || p.GetComputedColumnSql() is not null || (p.IsKey() && p.ValueGenerated != ValueGenerated.Never && p.ClrType != typeof(Guid))) is { } generated)
                throw new NotSupportedException($"{entityType.DisplayName()}.{generated.Name} is generated by the database: write it with SaveChanges.");
            var keys = entityType.FindPrimaryKey()?.Properties.ToArray() ?? throw new NotSupportedException($"{entityType.DisplayName()} has no key.");
            return new Table(entityType, StoreObjectIdentifier.Table(name, entityType.GetSchema()), columns, keys, columns.Where(c => c.IsConcurrencyToken).ToArray());
        }

        /// <summary>
        /// <c>INSERT … VALUES (…), (…)</c>, or <c>WITH v(…) AS (VALUES (…), (…)) UPDATE … FROM v</c> on the key and the
        /// tokens' original values; both databases take either form.
        /// </summary>
        public string Statement(bool update, int rows, bool positional)
        {
            var names = Columns.Select(c => Quoted(c.GetColumnName(Store)!)).ToList();
            var target = (EntityType.GetSchema() is { } schema ? Quoted(schema) + "." : "") + Quoted(Store.Name);
            var perRow = Columns.Length + (update ? Tokens.Length : 0);
            var values = new StringBuilder();
            for (var row = 0; row < rows; row++)
            {
                values.Append(row == 0 ? "(" : ", (");
                for (var c = 0; c < perRow; c++)
                {
                    var n = row * perRow + c;
                    values.Append(c == 0 ? "" : ", ").Append(positional ? "$" : "@p").Append((positional ? n + 1 : n).ToString(CultureInfo.InvariantCulture));
                }
                values.Append(')');
            }
            if (!update)
                return $"INSERT INTO {target} ({string.Join(", ", names)}) VALUES {values}";

            var originals = Tokens.Select(t => Quoted("original_" + t.GetColumnName(Store))).ToList();
            var set = Columns.Where(c => !c.IsKey()).Select(c => $"{Quoted(c.GetColumnName(Store)!)} = v.{Quoted(c.GetColumnName(Store)!)}");
            var match = Keys.Select(k => $"t.{Quoted(k.GetColumnName(Store)!)} = v.{Quoted(k.GetColumnName(Store)!)}")
                .Concat(Tokens.Select((t, i) => $"t.{Quoted(t.GetColumnName(Store)!)} = v.{originals[i]}"));
            return $"WITH v ({string.Join(", ", names.Concat(originals))}) AS (VALUES {values}) " +
                $"UPDATE {target} AS t SET {string.Join(", ", set)} FROM v WHERE {string.Join(" AND ", match)}";
        }

        private static string Quoted(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
