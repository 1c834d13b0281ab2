using System.Net;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Identity;
using BlueLamp.Web.Channels;
using BlueLamp.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Web.Tests.Channels;

/// <summary>
/// The account register over a real host and the simulator: registering, reconnecting an account the platform
/// refused (a wrong token changes nothing; the right one brings back what was missed), rotas, retiring, audit and roles.
/// </summary>
public sealed class AccountRegisterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(ChannelHost.Providers), MemberType = typeof(ChannelHost))]
    public async Task A_refused_account_is_reconnected_only_with_credentials_the_platform_accepts_and_what_it_missed_is_backfilled(string provider)
    {
        await using var host = await ChannelHost.StartAsync(provider);
        using var simulator = host.Simulator();
        var register = host.Host.Services.GetRequiredService<AccountRegister>();
        var reconciliation = host.Host.Services.GetRequiredService<Reconciliation>();
        var admin = await AdministratorAsync(host);
        await Eventually.GetAsync(() => Task.FromResult(reconciliation.CompletedRuns), n => n >= 1, "the start-up reconciliation");
        var facebook = (await register.ListAsync(admin, Ct)).Single(r => r.Account.Platform == Platform.Facebook);

        // The page token dies (password changed on Facebook); webhooks stop too, so messages only exist on Facebook.
        var marker = Guid.NewGuid().ToString("N")[..10];
        await simulator.SetFaultsAsync("facebook", new { tokenExpired = true, dropWebhooks = true });
        var person = await simulator.PersonAsync("facebook", "Rhiannon Missed");
        await simulator.MessageAsync("facebook", person, $"sent while the token was dead ({marker})");
        await reconciliation.RunOnceAsync(Ct);
        var refused = (await register.ListAsync(admin, Ct)).Single(r => r.Account.Id == facebook.Account.Id);
        Assert.True(refused.Connection!.NeedsReconnect);

        // A wrong token is tried on Facebook first and refused: nothing changes.
        await simulator.SetFaultsAsync("facebook", new { dropWebhooks = true });
        var wrong = await register.ConnectAsync(admin, facebook.Account.Id,
            new AccountConnectionRequest(null, new AccountCredentials(AccessToken: "not-the-page-token", AppSecret: "sim-meta-app-secret", VerifyToken: "sim-meta-verify-token"), null), Ct);
        Assert.False(wrong.Succeeded);
        Assert.Contains("did not accept", wrong.Message, StringComparison.Ordinal);
        Assert.True((await register.ListAsync(admin, Ct)).Single(r => r.Account.Id == facebook.Account.Id).Connection!.NeedsReconnect);
        Assert.Empty(await host.MessagesAsync(marker));

        // Missing secrets are named before anything is tried.
        var incomplete = await register.ConnectAsync(admin, facebook.Account.Id, new AccountConnectionRequest(null, new AccountCredentials(AccessToken: "sim-page-token"), null), Ct);
        Assert.False(incomplete.Succeeded);
        Assert.Contains("app secret", incomplete.Message, StringComparison.Ordinal);

        var right = await register.ConnectAsync(admin, facebook.Account.Id,
            new AccountConnectionRequest(null, new AccountCredentials(AccessToken: "sim-page-token", AppSecret: "sim-meta-app-secret", VerifyToken: "sim-meta-verify-token"), null), Ct);

        Assert.True(right.Succeeded, right.Message);
        var row = (await register.ListAsync(admin, Ct)).Single(r => r.Account.Id == facebook.Account.Id);
        Assert.False(row.Connection!.NeedsReconnect);
        Assert.DoesNotContain("sim-page-token", row.Connection.CredentialsHint, StringComparison.Ordinal);
        var backfilled = await Eventually.GetAsync(() => host.MessagesAsync(marker), m => m.Count >= 1, "the message sent while disconnected");
        Assert.Single(backfilled);
        await using var db = host.Dbs.ForForce(admin.ForceId);
        var trail = await db.AuditEvents.AsNoTracking().Where(e => e.SubjectId == facebook.Account.Id.ToString("D")).Select(e => e.Action).ToListAsync(Ct);
        Assert.Contains(ChannelAuditActions.AccountNeedsReconnect, trail);
        Assert.Contains(ChannelAuditActions.AccountReconnected, trail);
    }

    [Fact]
    public async Task Registering_changing_the_rota_and_retiring_are_audited_and_bad_input_changes_nothing()
    {
        await using var host = await ChannelHost.StartAsync();
        var register = host.Host.Services.GetRequiredService<AccountRegister>();
        var admin = await AdministratorAsync(host);
        var before = (await register.ListAsync(admin, Ct)).Count;

        var badRota = await register.RegisterAsync(admin, new AccountRegistration(Platform.Bluesky, AccountKind.Named, "pc-jones.bsky.social", "PC Jones", null, "weekdays 9 to 5"), Ct);
        Assert.False(badRota.Succeeded);
        Assert.Contains("Mon-Fri 08:00-20:00", badRota.Message, StringComparison.Ordinal);
        Assert.Equal(before, (await register.ListAsync(admin, Ct)).Count);

        var added = await register.RegisterAsync(admin, new AccountRegistration(Platform.Bluesky, AccountKind.Named, "pc-jones.bsky.social", "PC Jones", null, "Mon-Fri 08:00-18:00"), Ct);
        Assert.True(added.Succeeded, added.Message);
        var again = await register.RegisterAsync(admin, new AccountRegistration(Platform.Bluesky, AccountKind.Named, "pc-jones.bsky.social", "PC Jones again", null, null), Ct);
        Assert.False(again.Succeeded);
        Assert.Contains("already in the register", again.Message, StringComparison.Ordinal);

        var id = added.AccountId!.Value;
        Assert.True((await register.SetRotaAsync(admin, id, "24/7", Ct)).Succeeded);
        Assert.False((await register.RetireAsync(admin, id, "  ", Ct)).Succeeded);
        Assert.True((await register.RetireAsync(admin, id, "merged into the force's Bluesky account", Ct)).Succeeded);
        Assert.False((await register.RetireAsync(admin, id, "twice", Ct)).Succeeded);

        var rows = await register.ListAsync(admin, Ct);
        Assert.Equal(before + 1, rows.Count);
        var pcJones = rows.Single(r => r.Account.Id == id);
        Assert.Equal(AccountStatus.Retired, pcJones.Account.Status);
        Assert.True(pcJones.Account.Hours.IsAlwaysMonitored);
        await using var db = host.Dbs.ForForce(admin.ForceId);
        var trail = await db.AuditEvents.AsNoTracking().Where(e => e.SubjectId == id.ToString("D")).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync(Ct);
        Assert.Equal([ChannelAuditActions.AccountRegistered, ChannelAuditActions.AccountRotaChanged, ChannelAuditActions.AccountRetired], trail);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == ChannelAuditActions.AccountRegisterViewed, Ct));
    }

    [Fact]
    public async Task Only_administrators_may_open_the_register()
    {
        await using var host = await ChannelHost.StartAsync();
        foreach (var role in new[] { Roles.Operator, Roles.Supervisor, Roles.CommsOfficer, Roles.Auditor })
        {
            using var client = await host.Host.LoginAsync(role);
            var page = await client.GetAsync("/admin/accounts", Ct);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Contains("/Account/AccessDenied", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        using var administrator = await host.Host.LoginAsync(Roles.Administrator);
        Assert.Equal(HttpStatusCode.OK, (await administrator.GetAsync("/admin/accounts", Ct)).StatusCode);
    }

    private static async Task<DeskUser> AdministratorAsync(ChannelHost host)
    {
        var forceId = await host.DemoForceIdAsync();
        return new DeskUser("test-administrator", "Test Administrator", forceId);
    }
}
