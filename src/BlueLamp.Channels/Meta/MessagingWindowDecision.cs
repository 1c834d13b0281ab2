namespace BlueLamp.Channels.Meta;

/// <summary>Whether a reply may be sent now and how; <see cref="Reason"/> is shown to the operator when it may not.</summary>
public sealed record MessagingWindowDecision(MessagingMode Mode, string? Reason)
{
    public bool Allowed => Mode != MessagingMode.Refused;
}
