namespace BlueLamp.Channels.Meta;

/// <summary>
/// Meta's messaging window for Messenger and Instagram: a page may answer freely for 24 hours after the person's last
/// message; after that only a human agent may answer, up to 7 days; after that the page must wait for the person to
/// write again. A private reply to a comment may be sent once, within 7 days of the comment.
/// </summary>
public static class MessagingWindow
{
    public static readonly TimeSpan StandardWindow = TimeSpan.FromHours(24);

    public static readonly TimeSpan HumanAgentWindow = TimeSpan.FromDays(7);

    /// <summary>Decides from the time of the person's last message to us (null when they never wrote).</summary>
    public static MessagingWindowDecision ForReply(DateTimeOffset? lastInboundAt, DateTimeOffset now)
    {
        if (lastInboundAt is null)
            return new MessagingWindowDecision(MessagingMode.Refused,
                "This person has not messaged the account, and Meta only lets an account reply to people who wrote first.");
        var elapsed = now - lastInboundAt.Value;
        if (elapsed <= StandardWindow)
            return new MessagingWindowDecision(MessagingMode.Standard, null);
        if (elapsed <= HumanAgentWindow)
            return new MessagingWindowDecision(MessagingMode.HumanAgent, null);
        return new MessagingWindowDecision(MessagingMode.Refused,
            $"The person last wrote {Describe(elapsed)} ago. Meta allows replies for 7 days after a person's last message " +
            "(24 hours, then human replies only). Wait for them to write again, or contact them another way.");
    }

    /// <summary>Decides whether a private reply to a comment may still be sent.</summary>
    public static MessagingWindowDecision ForPrivateReply(DateTimeOffset commentCreatedAt, DateTimeOffset now)
    {
        var elapsed = now - commentCreatedAt;
        return elapsed <= HumanAgentWindow
            ? new MessagingWindowDecision(MessagingMode.Standard, null)
            : new MessagingWindowDecision(MessagingMode.Refused,
                $"The comment was written {Describe(elapsed)} ago. Meta allows a private reply only within 7 days of the comment; reply publicly instead.");
    }

    private static string Describe(TimeSpan elapsed) =>
        elapsed.TotalDays >= 2 ? $"{(int)elapsed.TotalDays} days" : $"{(int)elapsed.TotalHours} hours";
}
