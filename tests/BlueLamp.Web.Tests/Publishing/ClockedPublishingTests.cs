using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Identity;
using BlueLamp.Web.Publishing;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static BlueLamp.Web.Tests.Publishing.PublishingApi;

namespace BlueLamp.Web.Tests.Publishing;

/// <summary>Publishing against a fake clock: the lockdown over hours, and an appeal's 28-day review date.</summary>
public sealed class ClockedPublishingTests : IAsyncLifetime
{
    private const int Held = 6, Published = 8;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
    private SimulatedPlatforms _platforms = default!;
    private BlueLampHost _host = default!;

    public async ValueTask InitializeAsync()
    {
        _platforms = await SimulatedPlatforms.StartAsync();
        _host = new BlueLampHost(_platforms.BlueLampSettings(), time: _time);
        _ = _host.BaseAddress;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _platforms.DisposeAsync();
    }

    private PostScheduler Scheduler => _host.Services.GetRequiredService<PostScheduler>();

    private async Task<Guid> ScheduledAsync(HttpClient comms, string text, string purpose, IEnumerable<Guid> accounts, DateTimeOffset at)
    {
        var postId = await IdOfAsync(await comms.PostAsJsonAsync("/api/posts/submit", Post(text, accounts, purpose, imageUrl: SampleImage(_platforms.Address)), Ct));
        await IdOfAsync(await comms.PostAsJsonAsync($"/api/posts/{postId}/schedule", new { at }, Ct));
        return postId;
    }

    [Fact]
    public async Task A_lockdown_holds_every_scheduled_post_shows_them_and_releases_one_then_all()
    {
        using var comms = await _host.LoginAsync(Roles.CommsOfficer);
        using var supervisor = await _host.LoginAsync(Roles.Supervisor);
        var accounts = await AccountsAsync(comms);
        var inAnHour = _time.GetUtcNow().AddHours(1);
        var recruitment = await ScheduledAsync(comms, "Join us! Police officer recruitment opens today: a career like no other.", "Recruitment", [accounts["X"], accounts["Facebook"]], inAnHour);
        var fair = await ScheduledAsync(comms, "Come and meet the team at the Riverside summer fair this Saturday.", "Event", [accounts["Bluesky"]], inAnHour);

        var started = await supervisor.PostAsJsonAsync("/api/lockdown", new { reason = "Major incident: explosion at the city centre shopping arcade" }, Ct);
        var notes = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Equal(2, notes.Count);
        Assert.Contains(notes, n => n.StartsWith("Recruitment for", StringComparison.Ordinal));
        var lockdown = await supervisor.GetFromJsonAsync<JsonElement>("/api/lockdown", Ct);
        Assert.Equal(2, lockdown.GetProperty("held").GetArrayLength());
        Assert.Equal(Held, Status(await GetAsync(comms, recruitment)));

        // An incident update still goes out during the lockdown; the held posts do not, even long after their time.
        var update = await IdOfAsync(await comms.PostAsJsonAsync("/api/posts/submit", Post("Please avoid the city centre: emergency services are dealing with an incident at the shopping arcade.", [accounts["X"]], "IncidentUpdate", imageUrl: SampleImage(_platforms.Address)), Ct));
        await IdOfAsync(await comms.PostAsJsonAsync($"/api/posts/{update}/schedule", new { at = (DateTimeOffset?)null }, Ct));
        _time.Advance(TimeSpan.FromHours(3));
        await Scheduler.RunOnceAsync(Ct);
        await WaitForStatusAsync(comms, update, Published);
        Assert.Empty(await _platforms.LivePostsAsync("x", "recruitment opens today"));
        Assert.Empty(await _platforms.LivePostsAsync("bluesky", "Riverside summer fair"));

        await IdOfAsync(await supervisor.PostAsync($"/api/lockdown/release/{fair}", null, Ct));
        await Scheduler.RunOnceAsync(Ct);
        // The release also wakes the scheduler's own loop, which may be the one sending it.
        await WaitForStatusAsync(comms, fair, Published);
        Assert.Single(await _platforms.LivePostsAsync("bluesky", "Riverside summer fair"));
        Assert.Empty(await _platforms.LivePostsAsync("x", "recruitment opens today"));

        await IdOfAsync(await comms.PostAsJsonAsync("/api/lockdown/end", new { releaseAll = true }, Ct));
        await Scheduler.RunOnceAsync(Ct);
        await WaitForStatusAsync(comms, recruitment, Published);
        Assert.Single(await _platforms.LivePostsAsync("x", "recruitment opens today"));
        Assert.Single(await _platforms.LivePostsAsync("facebook", "recruitment opens today"));
        var lockdownId = (await supervisor.GetFromJsonAsync<JsonElement>("/api/lockdown", Ct)).GetProperty("active").ValueKind;
        Assert.Equal(JsonValueKind.Null, lockdownId);
        Assert.Single(await AuditDetailsAsync(_host, AuditActions.PostReleased, fair));
    }

    [Fact]
    public async Task An_appeal_is_flagged_for_review_28_days_after_it_went_out_and_a_review_sets_the_next_date()
    {
        var comms = await _host.LoginAsync(Roles.CommsOfficer);
        var accounts = await AccountsAsync(comms);
        var postId = await IdOfAsync(await comms.PostAsJsonAsync("/api/posts/submit",
            Post("APPEAL: a silver Ford Focus was stolen from Malpas Road on Monday night. Seen it? Call 101 quoting 2600055444.", [accounts["Facebook"]], "CrimeAppeal", caseReference: "2600055444"), Ct));
        await IdOfAsync(await comms.PostAsJsonAsync($"/api/posts/{postId}/authorisation", new
        {
            decision = 1, officerName = "DC 3141 Lewis", officerRole = "OIC",
            rationale = "Vehicle likely still in the area; sightings help recovery.", riskAssessment = "No person identified; no risk of prejudice.",
        }, Ct));
        await ApproveAndSendNowAsync(comms, postId);
        await Scheduler.RunOnceAsync(Ct);
        var published = _time.GetUtcNow();
        var appeal = (await WaitForStatusAsync(comms, postId, Published)).GetProperty("appeal");
        Assert.Equal(published.AddDays(28), appeal.GetProperty("reviewDueAt").GetDateTimeOffset());

        // The scheduler's own loop ticks as the clock moves too; whichever tick gets there, the appeal is flagged once.
        _time.Advance(TimeSpan.FromDays(28) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await Scheduler.FlagReviewsAsync(await ForceIdAsync(), Ct));
        Assert.Empty(await AuditDetailsAsync(_host, AuditActions.AppealReviewDue, postId));
        _time.Advance(TimeSpan.FromMinutes(2));
        await Scheduler.FlagReviewsAsync(await ForceIdAsync(), Ct);
        Assert.Equal(0, await Scheduler.FlagReviewsAsync(await ForceIdAsync(), Ct));
        // A month on, yesterday's login has long expired.
        comms.Dispose();
        comms = await _host.LoginAsync(Roles.CommsOfficer);
        var listed = (await comms.GetFromJsonAsync<JsonElement>("/api/posts", Ct)).EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == postId);
        Assert.True(listed.GetProperty("reviewDue").GetBoolean());
        Assert.Single(await AuditDetailsAsync(_host, AuditActions.AppealReviewDue, postId));

        await IdOfAsync(await comms.PostAsync($"/api/posts/{postId}/reviewed", null, Ct));
        appeal = (await GetAsync(comms, postId)).GetProperty("appeal");
        Assert.Equal(_time.GetUtcNow().AddDays(28), appeal.GetProperty("reviewDueAt").GetDateTimeOffset());
        comms.Dispose();
    }

    private async Task<Guid> ForceIdAsync()
    {
        var dbs = _host.Services.GetRequiredService<BlueLamp.Data.BlueLampDbFactory>();
        await using var db = dbs.Unscoped();
        return (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Forces, f => f.Slug == "demo", Ct)).Id;
    }
}
