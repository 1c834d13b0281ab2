namespace BlueLamp.Channels.Bluesky;

/// <summary>A logged-in Bluesky session: the account's DID and handle and its access and refresh tokens.</summary>
internal sealed record BlueskySession(string Did, string? Handle, string AccessJwt, string RefreshJwt, DateTimeOffset? AccessExpiresAt);
