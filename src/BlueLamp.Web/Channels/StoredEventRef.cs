using BlueLamp.Channels.Common;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;
using BlueLamp.Web.Contact;

namespace BlueLamp.Web.Channels;

/// <summary>
/// A raw inbound event that is in the database and waits to reach the desk. <paramref name="Assessed"/> is the new
/// message's assessment with its force's engine, made when it was queued, which the intake stores instead of assessing
/// again; <see cref="Urgent"/> when it is life at risk or grade 1, so it takes the lane that never carries chatter.
/// <paramref name="Stored"/> is the row just written and what the platform said, when this process stored it: the intake
/// then takes it in without reading the row back and parsing it again (the sweep, which finds rows in the database, has
/// only the id, and the intake assesses those itself).
/// </summary>
public sealed record StoredEventRef(Guid ForceId, Guid AccountId, Guid EventId, string ThreadKey, StoredEvent? Stored = null, RiskAssessmentResult? Assessed = null)
{
    public bool Urgent => Assessed is not null && ContactIntake.IsUrgent(Assessed);
}

/// <summary>An event as it was stored: its row and what the platform said.</summary>
public sealed record StoredEvent(InboundEvent Row, ChannelEvent Event);
