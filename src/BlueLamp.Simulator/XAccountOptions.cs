using System.ComponentModel.DataAnnotations;

namespace BlueLamp.Simulator;

/// <summary>The demo X app and the force's X account.</summary>
public sealed class XAccountOptions
{
    /// <summary>Signs webhook bodies and answers CRC checks (base64 HMAC-SHA256).</summary>
    [Required]
    public string ConsumerSecret { get; set; } = "sim-x-consumer-secret";

    [Required, RegularExpression("^[0-9]+$")]
    public string UserId { get; set; } = "1500000000000000001";

    [Required]
    public string Username { get; set; } = "DemoConstab";

    [Required]
    public string Name { get; set; } = "Demo Constabulary";

    /// <summary>App-only bearer token: enough to read mentions, refused for posting and DMs as X does.</summary>
    [Required]
    public string AppBearerToken { get; set; } = "sim-x-app-bearer";

    /// <summary>OAuth 2.0 user-context token of the force's account: posts, replies and DMs.</summary>
    [Required]
    public string UserAccessToken { get; set; } = "sim-x-user-token";
}
