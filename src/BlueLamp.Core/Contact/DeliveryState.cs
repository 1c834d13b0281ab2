namespace BlueLamp.Core.Contact;

/// <summary>Where an outbound message is on its way to the person; inbound messages are always <see cref="Received"/>.</summary>
public enum DeliveryState
{
    Received = 1,
    Pending = 2,
    Sent = 3,
    Failed = 4,
}
