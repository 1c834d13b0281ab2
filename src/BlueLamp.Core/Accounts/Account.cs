using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Accounts;

/// <summary>An official account of the force on one platform (or its web chat), registered and governed.</summary>
public sealed class Account : IForceOwned
{
    private Account() { Handle = ""; DisplayName = ""; }

    public Account(Guid id, Guid forceId, Guid? areaId, Platform platform, AccountKind kind, string handle, string displayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(handle);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        Id = id;
        ForceId = forceId;
        AreaId = areaId;
        Platform = platform;
        Kind = kind;
        Handle = handle.Trim();
        DisplayName = displayName.Trim();
        Status = AccountStatus.Active;
    }

    public Guid Id { get; private set; }

    public Guid ForceId { get; private set; }

    public Guid? AreaId { get; private set; }

    public Platform Platform { get; private set; }

    public AccountKind Kind { get; private set; }

    /// <summary>The platform's identifier for the account (page id, handle, DID; for web chat the force slug).</summary>
    public string Handle { get; private set; }

    public string DisplayName { get; private set; }

    public AccountStatus Status { get; private set; }

    /// <summary>The account's monitoring rota (see <see cref="DeskHours"/>); null means monitored 24/7.</summary>
    public string? MonitoredHours { get; private set; }

    public DeskHours Hours => DeskHours.Parse(MonitoredHours, out _) ?? DeskHours.AlwaysMonitored;

    /// <summary>Sets the rota; returns the reason when it cannot be read (and changes nothing).</summary>
    public string? SetMonitoredHours(string? rota)
    {
        if (DeskHours.Parse(rota, out var problem) is not { } hours)
            return problem;
        MonitoredHours = hours.IsAlwaysMonitored ? null : hours.Text;
        return null;
    }

    /// <summary>Closes the account in the register: BlueLamp stops reading and answering it. Returns false when it already was.</summary>
    public bool Retire()
    {
        if (Status == AccountStatus.Retired)
            return false;
        Status = AccountStatus.Retired;
        return true;
    }
}
