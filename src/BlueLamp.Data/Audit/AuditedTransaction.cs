using Microsoft.EntityFrameworkCore.Storage;

namespace BlueLamp.Data.Audit;

/// <summary>
/// A transaction begun by <see cref="AuditTrail.BeginTransactionAsync"/>, holding the force's audit turn and the write
/// turn until it ends; audit entries saved through its context meanwhile go into it. Disposing it without committing
/// rolls it back.
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

    public Task CommitAsync(CancellationToken cancellationToken = default) => transaction.CommitAsync(cancellationToken);

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
