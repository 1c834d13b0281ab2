using BlueLamp.Channels.Bluesky;
using BlueLamp.Channels.Meta;
using BlueLamp.Channels.X;
using BlueLamp.Core.Accounts;

namespace BlueLamp.Web.Channels;

/// <summary>A connected platform account with its credentials decrypted, for the moment a platform is called.</summary>
public sealed record ConnectedAccount(
    Guid AccountId,
    Guid ForceId,
    Platform Platform,
    string PlatformAccountId,
    string DisplayName,
    AccountCredentials Credentials)
{
    public MetaAccountCredentials Meta() => new(Platform, PlatformAccountId, Credentials.AccessToken ?? "");

    public XCredentials X() => new(PlatformAccountId, Credentials.AccessToken ?? "");

    public BlueskyCredentials Bluesky() => new(Credentials.Identifier ?? PlatformAccountId, Credentials.AppPassword ?? "");

    public override string ToString() => $"{Platform} account {PlatformAccountId}";
}
