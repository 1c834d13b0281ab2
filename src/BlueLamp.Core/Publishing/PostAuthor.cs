namespace BlueLamp.Core.Publishing;

/// <summary>Someone writing or acting on posts, with what decides what they may do: the comms role, or their posting rights.</summary>
public sealed record PostAuthor(string UserId, string DisplayName, bool IsCommsOfficer, PostingRights? Rights = null);
