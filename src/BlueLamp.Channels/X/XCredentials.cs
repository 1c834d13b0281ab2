namespace BlueLamp.Channels.X;

/// <summary>
/// An X account: its user id and an OAuth 2.0 user-context access token (scopes tweet.read, tweet.write, users.read,
/// dm.read, dm.write). Sent as a Bearer header, never in a URL.
/// </summary>
public sealed record XCredentials(string UserId, string AccessToken)
{
    public override string ToString() => $"X account {UserId}";
}
