namespace BlueLamp.Web.Triage;

/// <summary>The force's triage settings: how long an unacknowledged handover waits before it escalates, and how fast partners may send referrals.</summary>
public sealed class TriageOptions
{
    public const string Section = "Triage";

    /// <summary>Default 2 minutes, as the issue sets; a force may shorten it.</summary>
    public TimeSpan HandoverAcknowledgeLimit { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the desk clock looks for SLA breaches and overdue handovers.</summary>
    public TimeSpan ClockInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a node uses a force's cached indicator set before checking for a newer one saved on another node.</summary>
    public TimeSpan IndicatorSetRefresh { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Referrals one API key may send a minute, counted across every node: far above any platform's real rate (a handful a day), low
    /// enough that a runaway partner system cannot flood the desk. Above it a referral is refused with 429 and Retry-After.
    /// </summary>
    public int ReferralsPerKeyPerMinute { get; set; } = 60;

    /// <summary>Failed referral authentications one remote address may make a minute (across every node) before it is answered 429 instead of 401.</summary>
    public int FailedReferralAuthenticationsPerMinute { get; set; } = 10;
}
