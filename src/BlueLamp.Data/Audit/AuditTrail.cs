using System.Collections.Concurrent;
using BlueLamp.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BlueLamp.Data.Audit;

/// <summary>
/// Writes audit entries in the same transaction as the change they record, so there is never a change
/// without its entry nor an entry without its change. Appends of one force take turns (its chain has one head); the
/// turn, and on SQLite the <see cref="WriteTurn"/>, are always taken before the transaction begins, never while one is
/// open: on SQLite the transaction holds the whole file, so a transaction waiting for a turn whose holder waits for the
/// file would stall both until SQLite gave up.
/// </summary>
public sealed class AuditTrail(TimeProvider time, WriteTurn writeTurn)
{
    private const int MaxAttempts = 8;

    // Appends of one force queue up here inside a node; across nodes the head's concurrency check decides.
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _forceLocks = new();

    /// <summary>Saves every pending change of <paramref name="db"/> together with one audit entry.</summary>
    public Task SaveWithAuditAsync(BlueLampDb db, AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return SaveWithAuditAsync(db, [entry], alsoInTransaction: null, cancellationToken);
    }

    /// <summary>
    /// Begins a transaction on <paramref name="db"/> for changes that are written directly (e.g. a conditional bulk
    /// update) before their audit entries: the force's turn and the write turn are taken first. Audit entries saved
    /// through <paramref name="db"/> until it ends go into it; commit it with <see cref="AuditedTransaction.CommitAsync"/>.
    /// </summary>
    public async Task<AuditedTransaction> BeginTransactionAsync(BlueLampDb db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var forceId = ForceOf(db);
        if (db.Database.CurrentTransaction is not null)
            throw new InvalidOperationException("This context already has a transaction.");
        var forceTurn = await TakeForceTurnAsync(forceId, cancellationToken);
        WriteTurn.Held? written = null;
        try
        {
            written = await writeTurn.EnterAsync(cancellationToken: cancellationToken);
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            return new AuditedTransaction(db, transaction, written, forceTurn);
        }
        catch
        {
            written?.Dispose();
            forceTurn.Release();
            throw;
        }
    }

    /// <summary>
    /// Saves every pending change of <paramref name="db"/> together with several audit entries, in order, and whatever
    /// <paramref name="alsoInTransaction"/> writes directly (e.g. a bulk update) in the same transaction: its own,
    /// begun after the force's turn and the write turn are taken, or the one <see cref="BeginTransactionAsync"/> began.
    /// </summary>
    public async Task SaveWithAuditAsync(
        BlueLampDb db, IReadOnlyList<AuditEntry> entries, Func<BlueLampDb, CancellationToken, Task>? alsoInTransaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entries);
        var forceId = ForceOf(db);
        if (db.Database.CurrentTransaction is not null && db.AuditedTransaction is null)
            throw new InvalidOperationException("Begin the transaction with AuditTrail.BeginTransactionAsync: the force's turn is taken before it, never while it holds the database.");
        var ownTransaction = db.AuditedTransaction is null;
        var gate = ownTransaction ? await TakeForceTurnAsync(forceId, cancellationToken) : null;
        WriteTurn.Held? written = null;
        IDbContextTransaction? transaction = null;
        try
        {
            if (ownTransaction)
            {
                written = await writeTurn.EnterAsync(cancellationToken: cancellationToken);
                // The head's row lock (PostgreSQL) lasts until the commit.
                transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            }
            if (alsoInTransaction is not null)
                await alsoInTransaction(db, cancellationToken);
            for (var attempt = 1; ; attempt++)
            {
                var head = await LockHeadAsync(db, forceId, cancellationToken);
                if (head is null)
                {
                    head = new AuditHead(forceId);
                    db.AuditHeads.Add(head);
                }
                var basedOn = head.Sequence;
                var now = time.GetUtcNow();
                var auditEvents = entries.Select(entry => head.Append(entry, now)).ToList();
                db.AuditEvents.AddRange(auditEvents);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    if (transaction is not null)
                        await transaction.CommitAsync(cancellationToken);
                    return;
                }
                catch (DbUpdateException)
                {
                    foreach (var auditEvent in auditEvents)
                        db.Entry(auditEvent).State = EntityState.Detached;
                    db.Entry(head).State = EntityState.Detached;
                    // Another node appended first: build the entries again on top of its entries. Anything else is a real failure.
                    if (attempt >= MaxAttempts || !await HeadMovedAsync(db, basedOn, cancellationToken))
                        throw;
                }
            }
        }
        finally
        {
            if (transaction is not null)
                await transaction.DisposeAsync();
            written?.Dispose();
            gate?.Release();
        }
    }

    private static Guid ForceOf(BlueLampDb db) =>
        db.ForceId ?? throw new InvalidOperationException("Audit entries are written through a context scoped to a force.");

    private async Task<SemaphoreSlim> TakeForceTurnAsync(Guid forceId, CancellationToken cancellationToken)
    {
        var gate = _forceLocks.GetOrAdd(forceId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return gate;
    }

    /// <summary>
    /// Reads the force's head. On PostgreSQL the row is locked until the transaction ends, so nodes take turns
    /// instead of racing (a node that keeps losing an optimistic race could otherwise starve). SQLite has a single
    /// writer anyway; there the concurrency check on the head and the unique sequence decide.
    /// </summary>
    private static Task<AuditHead?> LockHeadAsync(BlueLampDb db, Guid forceId, CancellationToken cancellationToken) =>
        db is PostgresBlueLampDb
            ? db.AuditHeads.FromSqlRaw("SELECT * FROM audit_heads WHERE \"ForceId\" = {0} FOR UPDATE", forceId).SingleOrDefaultAsync(cancellationToken)
            : db.AuditHeads.SingleOrDefaultAsync(cancellationToken);

    private static async Task<bool> HeadMovedAsync(BlueLampDb db, long basedOn, CancellationToken cancellationToken)
    {
        var current = await db.AuditHeads.AsNoTracking().Select(h => (long?)h.Sequence).SingleOrDefaultAsync(cancellationToken);
        return (current ?? 0) != basedOn;
    }
}
