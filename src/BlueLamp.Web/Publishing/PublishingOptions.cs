using BlueLamp.Core.Publishing;

namespace BlueLamp.Web.Publishing;

/// <summary>How the scheduler runs (configuration section <c>Publishing</c>).</summary>
public sealed class PublishingOptions
{
    public const string Section = "Publishing";

    /// <summary>How often each node looks for due posts; posts go out within this of their time (well within a minute).</summary>
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a node's claim on a post lasts; a node that stops mid-way is taken over after this.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many times a held comment the platform did not hide is tried in all before it is marked failed.</summary>
    public int HoldRetryAttempts { get; set; } = 6;

    /// <summary>The wait before a held comment is tried again the first time; it doubles each time after.</summary>
    public TimeSpan HoldRetryFirstDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts to hide a held comment.</summary>
    public TimeSpan HoldRetryLongestDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The retry policy for held comments these settings make.</summary>
    public HoldRetryPolicy HoldRetry => new(HoldRetryAttempts, HoldRetryFirstDelay, HoldRetryLongestDelay);

    /// <summary>This node's name in claims; defaults to the machine name and process id.</summary>
    public string? NodeName { get; set; }
}
