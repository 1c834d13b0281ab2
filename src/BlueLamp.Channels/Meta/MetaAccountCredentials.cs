using BlueLamp.Core.Accounts;

namespace BlueLamp.Channels.Meta;

/// <summary>
/// A Facebook Page or Instagram professional account and its access token (a page token, or an Instagram token).
/// The token goes in the Authorization header, never the URL, so it cannot reach a request log.
/// </summary>
public sealed record MetaAccountCredentials(Platform Platform, string AccountId, string AccessToken)
{
    public override string ToString() => $"{Platform} account {AccountId}";
}
