namespace BlueLamp.Channels.Bluesky;

/// <summary>A Bluesky account: its handle (or DID or email) and an app password, never the account's main password.</summary>
public sealed record BlueskyCredentials(string Identifier, string AppPassword)
{
    public override string ToString() => $"Bluesky account {Identifier}";
}
