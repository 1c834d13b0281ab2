namespace BlueLamp.Web.Channels;

/// <summary>A raw inbound event that is in the database and waits to reach the desk.</summary>
public sealed record StoredEventRef(Guid ForceId, Guid AccountId, Guid EventId, string ThreadKey);
