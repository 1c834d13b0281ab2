namespace BlueLamp.Web.Channels;

/// <summary>
/// A raw inbound event that is in the database and waits to reach the desk; <paramref name="Urgent"/> when triage
/// already sees life at risk or grade 1 in it, so it takes the lane that never carries chatter.
/// </summary>
public sealed record StoredEventRef(Guid ForceId, Guid AccountId, Guid EventId, string ThreadKey, bool Urgent = false);
