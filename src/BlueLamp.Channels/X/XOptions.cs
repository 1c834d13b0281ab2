namespace BlueLamp.Channels.X;

/// <summary>Where the X API is (configuration section <c>Channels:X</c>).</summary>
public sealed class XOptions
{
    public const string SectionName = "Channels:X";

    /// <summary>https://api.x.com in production; the simulator's address in demo mode and tests.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.x.com");
}
