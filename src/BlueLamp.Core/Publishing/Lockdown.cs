using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Publishing;

/// <summary>
/// A critical-incident lockdown: while it lasts, every scheduled post of the force is held (a cheerful recruitment post
/// must not go out during a major incident), and is released one by one or all at once.
/// </summary>
public sealed class Lockdown : IForceOwned
{
    private Lockdown()
    {
        Reason = "";
        StartedById = "";
        StartedByName = "";
    }

    public Lockdown(Guid id, Guid forceId, string reason, string startedById, string startedByName, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Id = id;
        ForceId = forceId;
        Reason = reason.Trim();
        StartedById = startedById;
        StartedByName = startedByName;
        StartedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ForceId { get; private set; }

    public string Reason { get; private set; }

    public string StartedById { get; private set; }

    public string StartedByName { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public string? EndedByName { get; private set; }

    public bool IsActive => EndedAt is null;

    public void End(string byName, DateTimeOffset now)
    {
        EndedAt ??= now;
        EndedByName ??= byName;
    }
}
