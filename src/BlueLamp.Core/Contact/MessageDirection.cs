namespace BlueLamp.Core.Contact;

/// <summary>Whether the public or the force wrote a message.</summary>
public enum MessageDirection
{
    Inbound = 1,
    Outbound = 2,
}
