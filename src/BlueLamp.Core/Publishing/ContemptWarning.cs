namespace BlueLamp.Core.Publishing;

/// <summary>A phrase in a draft about someone linked to an active case that risks contempt of court, with why.</summary>
public sealed record ContemptWarning(string Phrase, string Why);
