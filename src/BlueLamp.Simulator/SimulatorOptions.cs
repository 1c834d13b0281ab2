using System.ComponentModel.DataAnnotations;

namespace BlueLamp.Simulator;

/// <summary>Settings of the platform simulator, bound from the "Simulator" configuration section.</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    /// <summary>Where Facebook and Instagram webhooks are POSTed, as Meta would.</summary>
    [Required, Url]
    public string MetaWebhookUrl { get; set; } = "http://localhost:5080/webhooks/meta";

    /// <summary>Where X Account Activity events are POSTed.</summary>
    [Required, Url]
    public string XWebhookUrl { get; set; } = "http://localhost:5080/webhooks/x";

    /// <summary>
    /// Meta sends the page's own messages back as <c>is_echo</c> events and X sends the account's own
    /// tweets and DMs back too; a connector that does not drop them loops its replies into triage.
    /// </summary>
    public bool SendEchoes { get; set; } = true;

    /// <summary>How often a webhook that was not answered with 2xx is tried in all (Meta and X retry too).</summary>
    [Range(1, 10)]
    public int MaxDeliveryAttempts { get; set; } = 3;

    /// <summary>Pause between delivery attempts; the platforms back off far longer, a demo should not.</summary>
    public TimeSpan DeliveryRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one webhook POST may take before it counts as failed.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    [Required]
    public MetaAccountOptions Meta { get; set; } = new();

    [Required]
    public XAccountOptions X { get; set; } = new();

    [Required]
    public BlueskyAccountOptions Bluesky { get; set; } = new();
}
