using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Core.Identity;
using BlueLamp.Core.Publishing;
using BlueLamp.Data;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static BlueLamp.Web.Tests.Publishing.PublishingApi;

namespace BlueLamp.Web.Tests.Publishing;

/// <summary>
/// BlueLamp stopped and started again on the same SQLite file: a post that fell due while it was down goes out once, and
/// a post a stopped node was part-way through is finished without resending what may already be on the platform.
/// </summary>
public sealed class RestartSchedulerTests
{
    private const int Published = 8;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Posts_due_while_BlueLamp_was_stopped_go_out_once_when_it_starts_and_a_copy_in_flight_is_marked_unknown_not_resent()
    {
        var folder = Directory.CreateTempSubdirectory("bluelamp-restart-").FullName;
        try
        {
            await using var platforms = await SimulatedPlatforms.StartAsync();
            Guid due, interrupted, sendingCopy;
            // The first run's clock stands still an hour ago, so nothing falls due while it runs; by the second run's
            // (real) clock the first post fell due while BlueLamp was stopped, and the second post's lease ran out.
            var stoppedClock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1));
            var dueAt = stoppedClock.GetUtcNow().AddMinutes(5);
            await using (var before = new BlueLampHost(platforms.BlueLampSettings(), dataFolder: folder, time: stoppedClock))
            {
                using var comms = await before.LoginAsync(Roles.CommsOfficer);
                var accounts = await AccountsAsync(comms);
                due = await IdOfAsync(await comms.PostAsJsonAsync("/api/posts/submit",
                    Post("Restart: the Pillgwenlly beat surgery moves to the community centre on Thursday.", [accounts["Facebook"], accounts["X"]], "Event", image: false), Ct));
                await IdOfAsync(await comms.PostAsJsonAsync($"/api/posts/{due}/schedule", new { at = dueAt }, Ct));

                // A second post, as a node leaves it when it stops mid-way: claimed, its lease running out with the first post's time, the X copy being sent.
                interrupted = await IdOfAsync(await comms.PostAsJsonAsync("/api/posts/submit",
                    Post("Interrupted: Maesglas Road is closed for resurfacing until Friday.", [accounts["Facebook"], accounts["X"]], "IncidentUpdate", image: false), Ct));
                await IdOfAsync(await comms.PostAsJsonAsync($"/api/posts/{interrupted}/schedule", new { at = stoppedClock.GetUtcNow().AddDays(1) }, Ct));
                var dbs = before.Services.GetRequiredService<BlueLampDbFactory>();
                await using var lookup = dbs.Unscoped();
                var forceId = (await lookup.Forces.SingleAsync(f => f.Slug == "demo", Ct)).Id;
                await using var db = dbs.ForForce(forceId);
                var post = await db.Posts.SingleAsync(p => p.Id == interrupted, Ct);
                var facebookCopy = new PostCopy(Guid.CreateVersion7(), forceId, interrupted, accounts["Facebook"], Core.Accounts.Platform.Facebook, PostLanguage.English, post.ApprovedContent!.Body);
                var xCopy = new PostCopy(Guid.CreateVersion7(), forceId, interrupted, accounts["X"], Core.Accounts.Platform.X, PostLanguage.English, post.ApprovedContent.Body);
                sendingCopy = xCopy.Id;
                db.PostCopies.AddRange(facebookCopy, xCopy);
                await db.SaveChangesAsync(Ct);
                await db.PostCopies.Where(c => c.Id == sendingCopy).ExecuteUpdateAsync(set => set.SetProperty(c => c.State, CopyState.Sending), Ct);
                await db.Posts.Where(p => p.Id == interrupted).ExecuteUpdateAsync(set => set
                    .SetProperty(p => p.Status, PostStatus.Publishing).SetProperty(p => p.ClaimedBy, "a node that stopped").SetProperty(p => p.ClaimedUntil, dueAt), Ct);
            }

            Assert.Empty(await platforms.LivePostsAsync("facebook", "Restart: the Pillgwenlly"));

            await using var after = new BlueLampHost(platforms.BlueLampSettings(), dataFolder: folder);
            using var again = await after.LoginAsync(Roles.CommsOfficer);
            await WaitForStatusAsync(again, due, Published);
            foreach (var platform in new[] { "facebook", "x" })
                Assert.Single(await platforms.LivePostsAsync(platform, "Restart: the Pillgwenlly"));

            var finished = await WaitForStatusAsync(again, interrupted, Published);
            var copies = finished.GetProperty("copies").EnumerateArray().Select(c => c.GetProperty("copy")).ToDictionary(c => c.GetProperty("id").GetGuid());
            Assert.Equal((int)CopyState.Unknown, copies[sendingCopy].GetProperty("state").GetInt32());
            Assert.Contains("check the account on the platform", copies[sendingCopy].GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.Single(await platforms.LivePostsAsync("facebook", "Interrupted: Maesglas Road"));
            Assert.Empty(await platforms.LivePostsAsync("x", "Interrupted: Maesglas Road"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
