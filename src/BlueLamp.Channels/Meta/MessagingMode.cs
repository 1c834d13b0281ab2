namespace BlueLamp.Channels.Meta;

/// <summary>How Meta lets a page or Instagram account message a person at a given moment.</summary>
public enum MessagingMode
{
    /// <summary>Inside the 24-hour standard window: <c>messaging_type: RESPONSE</c>.</summary>
    Standard = 1,

    /// <summary>Outside 24 hours but within 7 days: only a human reply, <c>MESSAGE_TAG</c> with <c>HUMAN_AGENT</c>.</summary>
    HumanAgent = 2,

    /// <summary>Meta does not allow a message now.</summary>
    Refused = 3,
}
