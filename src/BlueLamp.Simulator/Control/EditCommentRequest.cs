namespace BlueLamp.Simulator.Control;

/// <summary>Control API: a person edits their Facebook comment.</summary>
public sealed record EditCommentRequest(string Text);
