using BlueLamp.Core.Triage;

namespace BlueLamp.Web.Channels;

/// <summary>
/// A raw inbound event that is in the database and waits to reach the desk, with the assessment made when it was queued
/// (a new message; null for an edit or removal), which intake reuses; <paramref name="Urgent"/> when that assessment is life
/// at risk or grade 1, so it takes the lane that never carries chatter.
/// </summary>
public sealed record StoredEventRef(Guid ForceId, Guid AccountId, Guid EventId, string ThreadKey, bool Urgent = false, RiskAssessmentResult? Assessed = null);
