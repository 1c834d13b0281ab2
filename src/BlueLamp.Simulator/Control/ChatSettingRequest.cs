namespace BlueLamp.Simulator.Control;

/// <summary>A Bluesky person's chat setting as the simulator plays it: "all" lets the account message them, "none" does not.</summary>
public sealed record ChatSettingRequest(string? AllowIncoming);
