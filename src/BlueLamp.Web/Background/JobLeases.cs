using BlueLamp.Data;
using BlueLamp.Data.Leases;
using BlueLamp.Web.Channels;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Background;

/// <summary>
/// Makes a recurring job run on one node at a time when several share the database: before each run the node takes or
/// renews the job's lease with one conditional update (free, lapsed, or already its own), and skips the run when
/// another node holds it. A node that stops releases its leases; one that dies loses them when they lapse, and
/// another node takes the job over at its next tick. The node id is <c>Node:Id</c>, by default the machine name, so
/// a node restarted on the same machine takes its jobs straight back (reconciliation after a restart is not delayed).
/// </summary>
public sealed class JobLeases(BlueLampDbFactory dbs, IConfiguration configuration, TimeProvider time, ILogger<JobLeases> logger)
{
    /// <summary>How long past one interval a lease lasts, so a busy holder renews it before anyone else may take it.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(30);

    public string NodeId { get; } = configuration["Node:Id"] is { Length: > 0 } id ? id : Environment.MachineName;

    /// <summary>The lease to take for a job run every <paramref name="interval"/>: two intervals and a margin.</summary>
    public static TimeSpan LeaseFor(TimeSpan interval) => interval * 2 + Slack;

    /// <summary>Takes or renews the lease on <paramref name="job"/> for <paramref name="duration"/>; false when another node holds it.</summary>
    public async Task<bool> TryHoldAsync(string job, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        var now = time.GetUtcNow();
        var until = now + duration;
        await using var db = dbs.Unscoped();
        var taken = await db.JobLeases
            .Where(l => l.Name == job && (l.Holder == NodeId || l.ExpiresAt < now))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, NodeId).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        if (taken == 1)
            return true;
        if (await db.JobLeases.AnyAsync(l => l.Name == job, cancellationToken))
            return false;
        db.JobLeases.Add(new JobLease(job, NodeId, until));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another node created the lease at the same moment: it holds the job.
            return false;
        }
    }

    /// <summary>Runs <paramref name="work"/> if this node holds (or can take) the job's lease; returns whether it ran.</summary>
    public async Task<bool> RunIfHeldAsync(string job, TimeSpan interval, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!await TryHoldAsync(job, LeaseFor(interval), cancellationToken))
        {
            logger.LogDebug("{Job} runs on another node this time", job);
            return false;
        }
        await work(cancellationToken);
        return true;
    }

    /// <summary>Lets go of every lease this node holds (on a clean stop), so another node takes the jobs at once.</summary>
    public async Task ReleaseAllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = dbs.Unscoped();
        var released = await db.JobLeases.Where(l => l.Holder == NodeId)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresAt, DateTimeOffset.UnixEpoch), cancellationToken);
        if (released > 0)
            logger.LogInformation("Released {Count} job leases held by {Node}", released, NodeId);
    }
}

/// <summary>Releases this node's job leases when the host stops cleanly.</summary>
public sealed class JobLeaseRelease(JobLeases leases, ILogger<JobLeaseRelease> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await leases.ReleaseAllAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database may already be gone; the leases then simply lapse.
            logger.LogWarning(e, "Could not release this node's job leases; they lapse on their own");
        }
    }
}
