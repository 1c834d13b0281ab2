namespace BlueLamp.Channels.Meta;

/// <summary>Where the Graph API is and which version we speak (configuration section <c>Channels:Meta</c>).</summary>
public sealed class MetaOptions
{
    public const string SectionName = "Channels:Meta";

    /// <summary>https://graph.facebook.com in production; the simulator's address in demo mode and tests.</summary>
    public Uri GraphBaseUrl { get; set; } = new("https://graph.facebook.com");

    /// <summary>The Graph API version in every path; Meta retires versions about two years after release.</summary>
    public string GraphApiVersion { get; set; } = "v24.0";
}
