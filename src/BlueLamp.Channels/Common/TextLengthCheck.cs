namespace BlueLamp.Channels.Common;

/// <summary>How long a text is as a platform counts it, against that platform's limit, with a reason to show when it does not fit.</summary>
public sealed record TextLengthCheck(int Length, int Limit, string Unit, string PlatformName)
{
    public bool Fits => Length <= Limit;

    public string? Reason => Fits
        ? null
        : $"{PlatformName} allows {Limit} {Unit}; this text is {Length} {Unit} as {PlatformName} counts them. Shorten it by {Length - Limit}.";
}
