using System.ComponentModel.DataAnnotations;

namespace BlueLamp.Simulator;

/// <summary>The demo Meta app, its Facebook Page and the Instagram professional account linked to it.</summary>
public sealed class MetaAccountOptions
{
    [Required]
    public string AppId { get; set; } = "900000000000001";

    /// <summary>Signs every webhook body (X-Hub-Signature-256).</summary>
    [Required]
    public string AppSecret { get; set; } = "sim-meta-app-secret";

    /// <summary>What the simulator sends as hub.verify_token when it checks the subscription.</summary>
    [Required]
    public string VerifyToken { get; set; } = "sim-meta-verify-token";

    [Required, RegularExpression("^[0-9]+$")]
    public string PageId { get; set; } = "104000000000001";

    [Required]
    public string PageName { get; set; } = "Demo Constabulary";

    /// <summary>The Page access token BlueLamp must present to the Graph API for the Page and, with Facebook Login, for Instagram.</summary>
    [Required]
    public string PageAccessToken { get; set; } = "sim-page-token";

    [Required, RegularExpression("^[0-9]+$")]
    public string InstagramAccountId { get; set; } = "17841400000000001";

    [Required]
    public string InstagramUsername { get; set; } = "democonstabulary";

    /// <summary>An Instagram-login user token, accepted on Instagram endpoints besides the Page token.</summary>
    [Required]
    public string InstagramAccessToken { get; set; } = "sim-instagram-token";
}
