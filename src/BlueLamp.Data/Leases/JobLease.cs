namespace BlueLamp.Data.Leases;

/// <summary>
/// Which node runs a recurring job (polling, reconciliation, the desk clock) until when. Several nodes share one
/// database; the node whose conditional update takes the lease runs the job, and another takes over once it lapses.
/// </summary>
public sealed class JobLease
{
    public const int MaxNameLength = 100;

    private JobLease() { Name = ""; Holder = ""; }

    public JobLease(string name, string holder, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        Name = name;
        Holder = holder;
        ExpiresAt = expiresAt;
    }

    public string Name { get; private set; }

    /// <summary>The node that holds it (its configured id, by default the machine name).</summary>
    public string Holder { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }
}
