using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Forces;
using BlueLamp.Core.Identity;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Web.Tests.Triage;

/// <summary>A platform's system sends emergency referrals by machine with the force's referral API key, over real HTTP.</summary>
public sealed class EmergencyReferralKeyTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private BlueLampHost Host => fixture.Host;

    private BlueLampDbFactory Dbs => Host.Services.GetRequiredService<BlueLampDbFactory>();

    private Task<Guid> DemoForceIdAsync() => ReferralSender.DemoForceIdAsync(Host);

    private Task<(Guid Id, string Key)> MakeKeyAsync(string name) => ReferralSender.MakeKeyAsync(Host, name);

    private Task<HttpResponseMessage> SendAsync(string? key, string json, string force = "demo") => ReferralSender.SendAsync(Host, key, json, force);

    private static string Referral(string marker) => ReferralSender.Referral(marker);

    private Task<int> StoredAsync(string marker) => ReferralSender.StoredAsync(Host, marker);

    [Fact]
    public async Task A_referral_with_a_valid_key_goes_on_the_desk_as_life_at_risk_with_a_handover()
    {
        var (keyId, key) = await MakeKeyAsync("Meta safety team");

        var sent = await SendAsync(key, Referral("accepted-7781"));

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var conversationId = (await sent.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("conversationId").GetGuid();
        await using var db = Dbs.ForForce(await DemoForceIdAsync());
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversationId, Ct);
        Assert.True(conversation.LifeAtRisk);
        Assert.NotNull(conversation.HandoverId);
        var message = await db.Messages.AsNoTracking().SingleAsync(m => m.ConversationId == conversationId && m.Text.Contains("accepted-7781"), Ct);
        Assert.Contains("sent by Meta safety team with its referral API key", message.Text, StringComparison.Ordinal);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.ConversationMarkedLifeAtRisk && e.ActorId == $"referral-key:{keyId:D}", Ct));
        Assert.NotNull((await db.ReferralApiKeys.AsNoTracking().SingleAsync(k => k.Id == keyId, Ct)).LastUsedAt);
        // Counted as the referral's alarm, whatever triage made of its words.
        Assert.Equal(AlarmSource.Referral, (await db.RaisedAlarms.AsNoTracking().SingleAsync(a => a.ConversationId == conversationId, Ct)).Source);
    }

    [Fact]
    public async Task A_referral_whose_words_triage_already_reads_as_life_at_risk_is_still_counted_as_the_referrals_alarm()
    {
        var (_, key) = await MakeKeyAsync("Instagram safety");
        var json = System.Text.Json.JsonSerializer.Serialize(new { platform = "instagram", platformUserId = "ig-5521", displayName = "A. Jones",
            details = "referral-words-1: user posted 'I'm going to kill myself tonight, I've got the pills ready'" });

        var sent = await SendAsync(key, json);

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var conversationId = (await sent.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("conversationId").GetGuid();
        await using var db = Dbs.ForForce(await DemoForceIdAsync());
        var assessment = await db.RiskAssessments.AsNoTracking().SingleAsync(a => a.ConversationId == conversationId, Ct);
        Assert.True(assessment.LifeAtRisk);
        var alarm = await db.RaisedAlarms.AsNoTracking().SingleAsync(a => a.ConversationId == conversationId, Ct);
        Assert.Equal(AlarmSource.Referral, alarm.Source);
        Assert.Equal(assessment.MessageId, alarm.MessageId);
    }

    [Fact]
    public async Task A_missing_or_wrong_key_gets_401_and_nothing_is_stored()
    {
        var (_, key) = await MakeKeyAsync("X trust and safety");

        var none = await SendAsync(null, Referral("nokey-1"));
        var wrong = await SendAsync(key[..^2] + "xx", Referral("wrongkey-1"));
        var otherForceSlug = await SendAsync(key, Referral("wrongforce-1"), force: "no-such-force");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherForceSlug.StatusCode);
        Assert.Contains("Bearer", none.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync("nokey-1"));
        Assert.Equal(0, await StoredAsync("wrongkey-1"));
        Assert.Equal(0, await StoredAsync("wrongforce-1"));
    }

    [Fact]
    public async Task A_revoked_key_gets_401_and_nothing_is_stored()
    {
        var (keyId, key) = await MakeKeyAsync("Bluesky moderation");
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(key, Referral("before-revoke"))).StatusCode);
        using var admin = await Host.LoginAsync(Roles.Administrator);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/admin/referral-keys/{keyId}/revoke", null, Ct)).StatusCode);

        var after = await SendAsync(key, Referral("after-revoke"));

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(0, await StoredAsync("after-revoke"));
        await using var db = Dbs.ForForce(await DemoForceIdAsync());
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.ReferralKeyRevoked && e.SubjectId == keyId.ToString("D"), Ct));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/admin/referral-keys/{keyId}/revoke", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Another_forces_key_gets_401_at_this_force()
    {
        var other = new Force(Guid.CreateVersion7(), $"other-{Guid.NewGuid():N}"[..20], "Other Police", DateTimeOffset.UtcNow);
        var (record, otherKey) = ReferralApiKey.Create(Guid.CreateVersion7(), other.Id, "Meta safety team", "test", DateTimeOffset.UtcNow);
        await using (var db = Dbs.ForForce(other.Id))
        {
            db.Forces.Add(other);
            db.Accounts.Add(new Account(Guid.CreateVersion7(), other.Id, null, Platform.WebChat, AccountKind.Corporate, other.Slug, "chat"));
            db.ReferralApiKeys.Add(record);
            await db.SaveChangesAsync(Ct);
        }

        var atDemo = await SendAsync(otherKey, Referral("crossforce-1"));
        var atOwn = await SendAsync(otherKey, Referral("ownforce-1"), force: other.Slug);

        Assert.Equal(HttpStatusCode.Unauthorized, atDemo.StatusCode);
        Assert.Equal(0, await StoredAsync("crossforce-1"));
        Assert.Equal(HttpStatusCode.Created, atOwn.StatusCode);
    }

    [Fact]
    public async Task A_malformed_body_gets_400_with_the_reason_and_nothing_is_stored()
    {
        var (_, key) = await MakeKeyAsync("Instagram safety");

        var notJson = await SendAsync(key, "{\"platform\": \"facebook\", \"details\": \"malformed-1");
        var badPlatform = await SendAsync(key, "{\"platform\": 42, \"platformUserId\": \"p1\", \"details\": \"malformed-2\"}");
        var noDetails = await SendAsync(key, "{\"platform\": \"x\", \"platformUserId\": \"\", \"details\": \"\"}");

        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Contains("Send a JSON referral", await notJson.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badPlatform.StatusCode);
        Assert.Contains("Name the platform", await badPlatform.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noDetails.StatusCode);
        var problems = await noDetails.Content.ReadAsStringAsync(Ct);
        Assert.Contains("platformUserId", problems, StringComparison.Ordinal);
        Assert.Contains("details", problems, StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync("malformed-1"));
        Assert.Equal(0, await StoredAsync("malformed-2"));
    }

    [Fact]
    public async Task Keys_are_shown_once_stored_hashed_and_only_administrators_manage_them()
    {
        var (keyId, key) = await MakeKeyAsync("Shown once");
        using var admin = await Host.LoginAsync(Roles.Administrator);

        var listed = await admin.GetStringAsync("/api/admin/referral-keys", Ct);

        Assert.Contains("Shown once", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);
        await using var db = Dbs.ForForce(await DemoForceIdAsync());
        var stored = await db.ReferralApiKeys.AsNoTracking().SingleAsync(k => k.Id == keyId, Ct);
        Assert.NotEqual(key, stored.KeyHash);
        Assert.Equal(ReferralApiKey.HashOf(key), stored.KeyHash);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.ReferralKeyCreated && e.SubjectId == keyId.ToString("D") && !e.Detail!.Contains(key), Ct));
        using var controlRoom = await Host.LoginAsync(Roles.ControlRoom);
        Assert.Equal(HttpStatusCode.Forbidden, (await controlRoom.PostAsJsonAsync("/api/admin/referral-keys", new { name = "sneaky" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/admin/referral-keys", new { name = "" }, Ct)).StatusCode);
    }
}
