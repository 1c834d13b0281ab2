using BlueLamp.Core.Accounts;

namespace BlueLamp.Web.Channels;

/// <summary>One of the demo force's platform accounts, as the built-in simulator knows it, with its credentials already encrypted.</summary>
public sealed record DemoChannelAccount(
    Platform Platform,
    string PlatformAccountId,
    string DisplayName,
    string ProtectedCredentials,
    string CredentialsHint,
    DateTimeOffset? CredentialsExpireAt);
