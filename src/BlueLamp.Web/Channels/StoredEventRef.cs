using BlueLamp.Channels.Common;
using BlueLamp.Core.Contact;

namespace BlueLamp.Web.Channels;

/// <summary>
/// A raw inbound event that is in the database and waits to reach the desk; <paramref name="Urgent"/> when triage
/// already sees life at risk or grade 1 in it, so it takes the lane that never carries chatter. <paramref name="Stored"/>
/// is the row just written and what the platform said, when this process stored it: the intake then takes it in
/// without reading the row back and parsing it again (the sweep, which finds rows in the database, has only the id).
/// </summary>
public sealed record StoredEventRef(Guid ForceId, Guid AccountId, Guid EventId, string ThreadKey, bool Urgent = false, StoredEvent? Stored = null);

/// <summary>An event as it was stored: its row and what the platform said.</summary>
public sealed record StoredEvent(InboundEvent Row, ChannelEvent Event);
