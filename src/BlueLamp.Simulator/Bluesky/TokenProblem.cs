namespace BlueLamp.Simulator.Bluesky;

/// <summary>Why a Bluesky token was refused, as the PDS would say it.</summary>
public sealed record TokenProblem(int Status, string Error, string Message);
