using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Tests.Channels;

/// <summary>Each account's profile line from its rota, shown to administrators and set on Facebook and Bluesky over real HTTP against the simulator.</summary>
public sealed class ProfileTextTests(ChannelHostFixture fixture) : IClassFixture<ChannelHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ChannelHost Host => fixture.Host;

    [Fact]
    public async Task The_Facebook_Page_about_text_is_set_from_the_accounts_rota_and_audited()
    {
        using var simulator = Host.Simulator();
        using var admin = await Host.Host.LoginAsync(Roles.Administrator);
        var facebook = await AccountAsync(Platform.Facebook);
        await SetRotaAsync(facebook, "Mon-Fri 08:00-20:00");

        var listed = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/settings/accounts/profile-text", Ct))!;
        var shown = listed.Single(p => p.GetProperty("accountId").GetGuid() == facebook);
        var english = shown.GetProperty("english").GetString()!;
        Assert.Equal("This account is monitored Mon–Fri 08:00–20:00. Do not report crime here. In an emergency call 999; BSL 999 via 999bsl.co.uk; text relay 18000; non-emergency 101.", english);
        Assert.StartsWith("Caiff y cyfrif hwn ei fonitro Llun–Gwe 08:00–20:00.", shown.GetProperty("welsh").GetString(), StringComparison.Ordinal);

        var pushed = await admin.PostAsJsonAsync($"/api/settings/accounts/{facebook}/profile-text/push", new { language = "en" }, Ct);

        Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        Assert.Equal(english, await simulator.ProfileTextAsync("facebook"));
        Assert.Contains(await AuditAsync(AuditActions.ProfileTextPushed), e => e.SubjectId == facebook.ToString("D") && e.Detail!.Contains("Mon-Fri 08:00-20:00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_24_7_Bluesky_account_gets_its_profile_description_in_Welsh_then_English_keeping_the_rest_of_the_profile()
    {
        using var simulator = Host.Simulator();
        using var admin = await Host.Host.LoginAsync(Roles.Administrator);
        var bluesky = await AccountAsync(Platform.Bluesky);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/settings/accounts/{bluesky}/profile-text/push", new { language = "cy" }, Ct)).StatusCode);
        Assert.Equal(ProfileText.For(DeskHours.AlwaysMonitored, Platform.Bluesky, "cy"), await simulator.ProfileTextAsync("bluesky"));

        // The second write reads the record back and swaps the version it read.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/settings/accounts/{bluesky}/profile-text/push", new { language = "en" }, Ct)).StatusCode);
        var english = await simulator.ProfileTextAsync("bluesky");
        Assert.Equal(ProfileText.For(DeskHours.AlwaysMonitored, Platform.Bluesky, "en"), english);
        Assert.Contains("monitored 24/7, but not for emergencies", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task X_and_Instagram_bios_are_shown_to_copy_and_a_push_is_refused_with_the_reason()
    {
        using var admin = await Host.Host.LoginAsync(Roles.Administrator);
        var x = await AccountAsync(Platform.X);

        var listed = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/settings/accounts/profile-text", Ct))!;
        Assert.Contains("copy the text", listed.Single(p => p.GetProperty("accountId").GetGuid() == x).GetProperty("cannotPush").GetString(), StringComparison.Ordinal);
        Assert.True(listed.All(p => p.GetProperty("english").GetString()!.Length <= p.GetProperty("limit").GetInt32()));

        var refused = await admin.PostAsJsonAsync($"/api/settings/accounts/{x}/profile-text/push", new { language = "en" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("cannot change the bio", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var desk = await Host.Host.LoginAsync(Roles.Operator);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostAsJsonAsync($"/api/settings/accounts/{x}/profile-text/push", new { language = "en" }, Ct)).StatusCode);
    }

    private async Task<Guid> AccountAsync(Platform platform)
    {
        await using var db = Host.Dbs.ForForce(await Host.DemoForceIdAsync());
        return await db.Accounts.Where(a => a.Platform == platform).Select(a => a.Id).SingleAsync(Ct);
    }

    private async Task SetRotaAsync(Guid accountId, string rota)
    {
        await using var db = Host.Dbs.ForForce(await Host.DemoForceIdAsync());
        var account = await db.Accounts.SingleAsync(a => a.Id == accountId, Ct);
        Assert.Null(account.SetMonitoredHours(rota));
        await db.SaveChangesAsync(Ct);
    }

    private async Task<List<Core.Audit.AuditEvent>> AuditAsync(string action)
    {
        await using var db = Host.Dbs.ForForce(await Host.DemoForceIdAsync());
        return await db.AuditEvents.AsNoTracking().Where(e => e.Action == action).ToListAsync(Ct);
    }
}
