namespace BlueLamp.Web.Triage;

/// <summary>The force's triage settings: how long an unacknowledged handover waits before it escalates.</summary>
public sealed class TriageOptions
{
    public const string Section = "Triage";

    /// <summary>Default 2 minutes, as the issue sets; a force may shorten it.</summary>
    public TimeSpan HandoverAcknowledgeLimit { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the desk clock looks for SLA breaches and overdue handovers.</summary>
    public TimeSpan ClockInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a node uses a force's cached indicator set before checking for a newer one saved on another node.</summary>
    public TimeSpan IndicatorSetRefresh { get; set; } = TimeSpan.FromSeconds(30);
}
