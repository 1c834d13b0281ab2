namespace BlueLamp.Web.Triage;

/// <summary>How the handover outbox to command and control is worked (configuration section <c>Triage:CommandAndControl</c>).</summary>
public sealed class CommandAndControlOptions
{
    public const string Section = "Triage:CommandAndControl";

    /// <summary>How often the sender looks for due handovers when nothing wakes it.</summary>
    public TimeSpan SendInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one attempt holds a handover; longer than the resilience pipeline's total timeout.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Wait after the first failed attempt; doubles with each further failure.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between attempts: a down receiver is tried at least this often until it answers.</summary>
    public TimeSpan LongestRetryDelay { get; set; } = TimeSpan.FromMinutes(5);
}
