namespace BlueLamp.Channels.Common;

/// <summary>
/// The outcome of sending a reply, post or message: the platform's id for it (and a link when one is known),
/// or the failure to show on the message so an operator can retry it by hand.
/// </summary>
public sealed record SendResult
{
    private SendResult(string? platformMessageId, string? link, PlatformFailure? failure)
    {
        PlatformMessageId = platformMessageId;
        Link = link;
        Failure = failure;
    }

    public string? PlatformMessageId { get; }

    public string? Link { get; }

    public PlatformFailure? Failure { get; }

    public bool IsSent => Failure is null;

    public static SendResult Sent(string platformMessageId, string? link = null) => new(platformMessageId, link, null);

    public static SendResult Failed(PlatformFailure failure) => new(null, null, failure);
}
