using BlueLamp.Core.Accounts;
using BlueLamp.Simulator;
using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Channels;

/// <summary>
/// The demo force's Facebook Page, Instagram account, X account and Bluesky account, with the ids and secrets the
/// built-in simulator uses, so the demo works end to end offline.
/// </summary>
public sealed class DemoChannels(IOptions<SimulatorOptions> simulator, CredentialVault vault, TimeProvider time)
{
    /// <summary>Instagram-login tokens last about 60 days; the demo shows that expiry being tracked.</summary>
    public static readonly TimeSpan InstagramTokenLifetime = TimeSpan.FromDays(60);

    public IReadOnlyList<DemoChannelAccount> Accounts()
    {
        var s = simulator.Value;
        return
        [
            Make(Platform.Facebook, s.Meta.PageId, $"{s.Meta.PageName} on Facebook",
                new AccountCredentials(AccessToken: s.Meta.PageAccessToken, AppSecret: s.Meta.AppSecret, VerifyToken: s.Meta.VerifyToken), null),
            Make(Platform.Instagram, s.Meta.InstagramAccountId, $"@{s.Meta.InstagramUsername} on Instagram",
                new AccountCredentials(AccessToken: s.Meta.InstagramAccessToken, AppSecret: s.Meta.AppSecret, VerifyToken: s.Meta.VerifyToken),
                time.GetUtcNow() + InstagramTokenLifetime),
            Make(Platform.X, s.X.UserId, $"@{s.X.Username} on X",
                new AccountCredentials(AccessToken: s.X.UserAccessToken, ConsumerSecret: s.X.ConsumerSecret), null),
            Make(Platform.Bluesky, s.Bluesky.Did, $"@{s.Bluesky.Handle} on Bluesky",
                new AccountCredentials(Identifier: s.Bluesky.Handle, AppPassword: s.Bluesky.AppPassword), null),
        ];
    }

    private DemoChannelAccount Make(Platform platform, string id, string name, AccountCredentials credentials, DateTimeOffset? expires) =>
        new(platform, id, name, vault.Protect(credentials), credentials.Hint(), expires);
}
