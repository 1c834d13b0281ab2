using System.ComponentModel.DataAnnotations;

namespace BlueLamp.Simulator;

/// <summary>The force's Bluesky account on the simulated PDS.</summary>
public sealed class BlueskyAccountOptions
{
    [Required, RegularExpression("^did:[a-z]+:.+$")]
    public string Did { get; set; } = "did:plc:democonstab0000000000000";

    [Required]
    public string Handle { get; set; } = "democonstabulary.bsky.social";

    [Required]
    public string DisplayName { get; set; } = "Demo Constabulary";

    /// <summary>The app password createSession accepts.</summary>
    [Required]
    public string AppPassword { get; set; } = "sim1-app2-pass-word";

    /// <summary>Bluesky's access tokens live about two hours; shorten it to exercise refreshSession.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(2);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>createSession is limited to 30 calls in 5 minutes per account; a connector that logs in per call hits it.</summary>
    [Range(1, 10_000)]
    public int CreateSessionLimitPerFiveMinutes { get; set; } = 30;
}
