namespace BlueLamp.Simulator.Meta;

/// <summary>
/// Meta's messaging windows: a page may answer freely for 24 hours after the person's last message, and
/// with the HUMAN_AGENT tag for 7 days; a private reply to a comment is allowed once, within 7 days.
/// </summary>
public static class MessagingWindow
{
    public static readonly TimeSpan Standard = TimeSpan.FromHours(24);
    public static readonly TimeSpan HumanAgent = TimeSpan.FromDays(7);
    public static readonly TimeSpan PrivateReply = TimeSpan.FromDays(7);

    public static bool Allows(DateTimeOffset? lastFromPerson, DateTimeOffset now, bool humanAgentTag)
    {
        if (lastFromPerson is not { } last)
        {
            return false;
        }
        return now - last <= (humanAgentTag ? HumanAgent : Standard);
    }
}
