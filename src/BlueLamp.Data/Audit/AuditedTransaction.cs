using Microsoft.EntityFrameworkCore.Storage;

namespace BlueLamp.Data.Audit;

/// <summary>
/// A transaction begun by <see cref="AuditTrail.BeginTransactionAsync"/>, holding the force's audit turn and the write
/// turn until it ends: at its commit, so whatever its caller does next (telling the desks, whose screens may write
/// audit entries of their own) never runs holding them; or, disposed without a commit, at its rollback. Audit entries
/// saved through its context meanwhile go into it.
/// </summary>
public sealed class AuditedTransaction : IAsyncDisposable
{
    private readonly BlueLampDb db;
    private readonly IDbContextTransaction transaction;
    private readonly WriteTurn.Held writeTurn;
    private SemaphoreSlim? forceTurn;

    internal AuditedTransaction(BlueLampDb db, IDbContextTransaction transaction, WriteTurn.Held writeTurn, SemaphoreSlim forceTurn)
    {
        this.db = db;
        this.transaction = transaction;
        this.writeTurn = writeTurn;
        this.forceTurn = forceTurn;
        db.AuditedTransaction = this;
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await transaction.CommitAsync(cancellationToken);
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref forceTurn, null) is not { } turn)
            return;
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            db.AuditedTransaction = null;
            writeTurn.Dispose();
            turn.Release();
        }
    }
}
