using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BlueLamp.Data;

/// <summary>
/// SQLite has one writer: the whole file. The writers of this process that matter under load (the webhooks' group
/// commit, the intake's batches, every audited change) take turns here before they begin a write transaction, so the
/// lock passes from one to the next at once instead of through SQLite's busy handler, which sleeps in steps of up to
/// 100 ms and may let a later writer in first; and a webhook's write, which a platform is waiting on, goes before the
/// next batch of intake (<see cref="EnterAsync"/> with <c>urgent</c>). Writers that do not take a turn still wait on
/// SQLite's lock as before. Take the turn before the transaction and before nothing else that waits: holding it while
/// waiting for something its holder's followers hold would deadlock.
/// On PostgreSQL, whose writers lock rows, not the database, entering is free and nobody waits.
/// </summary>
public sealed class WriteTurn : IDisposable
{
    public const string MeterName = "BlueLamp.Data";

    private readonly Lock sync = new();
    private readonly Queue<TaskCompletionSource> urgentWaiters = new();
    private readonly Queue<TaskCompletionSource> waiters = new();
    private readonly Meter? meter;
    private readonly Histogram<double>? waited;
    private readonly Histogram<double>? held;
    private bool taken;

    /// <param name="oneWriter">Whether the database has one writer (SQLite); otherwise entering is free.</param>
    /// <param name="meters">Where the waits and holds are recorded (meter <see cref="MeterName"/>), if anywhere.</param>
    public WriteTurn(bool oneWriter, IMeterFactory? meters = null)
    {
        OneWriter = oneWriter;
        if (!oneWriter || meters is null)
            return;
        meter = meters.Create(MeterName);
        waited = meter.CreateHistogram<double>("bluelamp.db.write_turn.wait", "ms", "How long a writer waited for SQLite's one writer's turn");
        held = meter.CreateHistogram<double>("bluelamp.db.write_turn.hold", "ms", "How long a writer held SQLite's one writer's turn");
    }

    /// <summary>A turn for a database whose writers need none (tests, PostgreSQL).</summary>
    public static WriteTurn Free { get; } = new(oneWriter: false);

    public bool OneWriter { get; }

    /// <summary>
    /// Waits for the turn; dispose what it returns to pass the turn on. An <paramref name="urgent"/> writer goes before
    /// every other waiter (in arrival order among the urgent ones).
    /// </summary>
    public ValueTask<Held> EnterAsync(bool urgent = false, CancellationToken cancellationToken = default)
    {
        if (!OneWriter)
            return ValueTask.FromResult(Held.Nothing);
        cancellationToken.ThrowIfCancellationRequested();
        var started = Stopwatch.GetTimestamp();
        TaskCompletionSource waiter;
        lock (sync)
        {
            if (!taken)
            {
                taken = true;
                return ValueTask.FromResult(Granted(started, urgent));
            }
            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (urgent ? urgentWaiters : waiters).Enqueue(waiter);
        }
        return new ValueTask<Held>(WaitAsync(waiter, started, urgent, cancellationToken));
    }

    public void Dispose() => meter?.Dispose();

    private async Task<Held> WaitAsync(TaskCompletionSource waiter, long started, bool urgent, CancellationToken cancellationToken)
    {
        // A cancelled waiter stays queued and is passed over when its turn comes (PassOn).
        await using (cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken)))
            await waiter.Task;
        return Granted(started, urgent);
    }

    private Held Granted(long started, bool urgent)
    {
        waited?.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("urgent", urgent));
        return new Held(this, Stopwatch.GetTimestamp());
    }

    private void PassOn(long grantedAt)
    {
        held?.Record(Stopwatch.GetElapsedTime(grantedAt).TotalMilliseconds);
        while (true)
        {
            TaskCompletionSource? next;
            lock (sync)
            {
                if (!urgentWaiters.TryDequeue(out next) && !waiters.TryDequeue(out next))
                {
                    taken = false;
                    return;
                }
            }
            // The turn stays taken and goes to the next waiter that has not given up.
            if (next.TrySetResult())
                return;
        }
    }

    /// <summary>The turn, held until disposed; disposing it again does nothing.</summary>
    public sealed class Held : IDisposable
    {
        private WriteTurn? turn;
        private readonly long grantedAt;

        internal Held(WriteTurn? turn, long grantedAt)
        {
            this.turn = turn;
            this.grantedAt = grantedAt;
        }

        /// <summary>A free turn: nothing to pass on.</summary>
        internal static Held Nothing { get; } = new(null, 0);

        public void Dispose() => Interlocked.Exchange(ref turn, null)?.PassOn(grantedAt);
    }
}
