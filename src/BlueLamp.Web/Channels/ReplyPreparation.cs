using BlueLamp.Core.Contact;

namespace BlueLamp.Web.Channels;

/// <summary>What becomes of an operator's reply before it is stored: refused with a reason, or stored in a delivery state (queued when it goes through a platform).</summary>
public sealed record ReplyPreparation(DeliveryState State, bool Queue, string? Refusal = null)
{
    public static ReplyPreparation Refused(string reason) => new(DeliveryState.Failed, false, reason);
}
