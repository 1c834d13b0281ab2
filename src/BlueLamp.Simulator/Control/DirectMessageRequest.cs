namespace BlueLamp.Simulator.Control;

/// <summary>Control API: a person sends the account a DM. "At" back-dates it (to test the 24-hour window).</summary>
public sealed record DirectMessageRequest(string Platform, string PersonId, string Text, DateTimeOffset? At);
