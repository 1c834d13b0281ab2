namespace BlueLamp.Core.Triage;

/// <summary>How a category is graded when no threat to life is found.</summary>
/// <param name="Category">The category.</param>
/// <param name="Grade">Its usual grade.</param>
/// <param name="ImmediateGrade">Its grade when something says it is happening now, if stricter.</param>
/// <param name="NeedsAppeal">Counts only under one of our appeals, or when the message points at one (sightings).</param>
public sealed record CategoryGrading(TriageCategory Category, Grade Grade, Grade? ImmediateGrade = null, bool NeedsAppeal = false);
