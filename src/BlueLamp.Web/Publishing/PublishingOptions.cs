namespace BlueLamp.Web.Publishing;

/// <summary>How the scheduler runs (configuration section <c>Publishing</c>).</summary>
public sealed class PublishingOptions
{
    public const string Section = "Publishing";

    /// <summary>How often each node looks for due posts; posts go out within this of their time (well within a minute).</summary>
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a node's claim on a post lasts; a node that stops mid-way is taken over after this.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>This node's name in claims; defaults to the machine name and process id.</summary>
    public string? NodeName { get; set; }
}
