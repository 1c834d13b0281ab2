using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Identity;
using BlueLamp.Core.Publishing;
using BlueLamp.Web.Tests.Channels;
using Microsoft.EntityFrameworkCore;
using static BlueLamp.Web.Tests.Publishing.PublishingApi;

namespace BlueLamp.Web.Tests.Publishing;

/// <summary>
/// The comment hold over real HTTP in demo mode, the simulator playing the four platforms: Bluesky's replies already
/// posted are hidden by the threadgate, a supervisor lifts the hold when the case ends (a platform that fails is retried),
/// and a comment a platform will not hide is retried with backoff, then marked failed and retried by hand.
/// </summary>
public sealed class CommentHoldTests
{
    private const int Published = 8;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Charging_hides_the_Bluesky_replies_already_there_and_a_supervisor_lifts_the_hold_on_four_platforms_retrying_the_one_that_failed()
    {
        await using var host = await ChannelHost.StartAsync(extra: new Dictionary<string, string?> { ["Publishing:SchedulerInterval"] = "00:00:01" });
        const string reference = "2600081234";
        using var comms = await host.Host.LoginAsync(Roles.CommsOfficer);
        var accounts = await AccountsAsync(comms);
        var (updateId, copies) = await PublishUpdateAsync(host, comms, reference, accounts.Values);

        using var simulator = host.Simulator();
        const string gossip = "he was in the Crown every night that week, ask anyone";
        var onPlatform = new Dictionary<string, string>();
        var people = new Dictionary<string, string>();
        foreach (var platform in new[] { "facebook", "instagram" })
        {
            var person = people[platform] = await simulator.PersonAsync(platform, $"Ceri {platform}");
            onPlatform[platform] = (await SimulatorPostAsync(host, "comments", new { platform, personId = person, text = $"{gossip} ({platform})", postId = copies[platform] })).GetProperty("id").GetString()!;
        }
        foreach (var platform in new[] { "x", "bluesky" })
        {
            var person = people[platform] = await simulator.PersonAsync(platform, $"Ceri {platform}");
            onPlatform[platform] = (await simulator.MentionAsync(platform, person, $"{gossip} ({platform})", inReplyTo: copies[platform])).GetProperty("id").GetString()!;
        }
        await Eventually.GetAsync(() => ConversationsAsync(host, gossip), c => c.Count(v => v.RespondsToPostId == updateId) == 4, "the four comments linked to the update");

        await ChargeAsync(host, comms, reference);

        // Bluesky: one threadgate record turned replies off and hid the reply already there, on the platform and on the desk.
        var blueskyPost = (await simulator.PostsAsync("bluesky")).Single(p => p.GetProperty("id").GetString() == copies["bluesky"]);
        Assert.True(blueskyPost.GetProperty("commentsClosed").GetBoolean());
        Assert.True((await EntryAsync(host, "bluesky", people["bluesky"], onPlatform["bluesky"])).GetProperty("hidden").GetBoolean());
        var held = await host.MessagesAsync(gossip);
        Assert.Equal(["bluesky", "facebook", "x"], held.Where(m => m.HiddenAt is not null).Select(m => m.Text[(m.Text.LastIndexOf('(') + 1)..^1]).Order());
        Assert.StartsWith($"Held: proceedings are active in case {reference}", held.Single(m => m.Text.EndsWith("(bluesky)", StringComparison.Ordinal)).HiddenReason, StringComparison.Ordinal);
        Assert.Contains(await AuditDetailsAsync(host.Host, AuditActions.PostCommentsClosed, updateId), d => d.Contains("Bluesky", StringComparison.Ordinal) && d.Contains("1 replies already there hidden", StringComparison.Ordinal));
        Assert.True((await simulator.PostsAsync("instagram")).Single(p => p.GetProperty("id").GetString() == copies["instagram"]).GetProperty("commentsClosed").GetBoolean());

        // Only a supervisor lifts the hold, and only with a reason.
        using var op = await host.Host.LoginAsync(Roles.Operator);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PostAsJsonAsync($"/api/posts/{updateId}/comment-hold/lift", new { reason = "charge dropped" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await comms.PostAsJsonAsync($"/api/posts/{updateId}/comment-hold/lift", new { reason = "charge dropped" }, Ct)).StatusCode);
        using var supervisor = await host.Host.LoginAsync(Roles.Supervisor);
        using (var noReason = await supervisor.PostAsJsonAsync($"/api/posts/{updateId}/comment-hold/lift", new { reason = " " }, Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.Contains("Say why the hold ends", await noReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        Assert.Empty(await AuditDetailsAsync(host.Host, AuditActions.PostCommentHoldLifted, updateId));

        // Instagram is down when the hold is lifted: the others open at once, Instagram when it is back.
        await simulator.SetFaultsAsync("instagram", new { serverErrors = true });
        using var lifted = await supervisor.PostAsJsonAsync($"/api/posts/{updateId}/comment-hold/lift", new { reason = "CPS dropped the charge on 25 November" }, Ct);
        Assert.True(lifted.IsSuccessStatusCode, await lifted.Content.ReadAsStringAsync(Ct));
        var notes = (await lifted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Contains("Comment hold lifted: comments open again under 3 of 4 copies of the case's posts.", notes);
        Assert.Contains(notes, n => n.StartsWith("Instagram: ", StringComparison.Ordinal));
        Assert.Equal(CommentsState.ReopenFailed, (await CopiesAsync(host, updateId))[BlueLamp.Core.Accounts.Platform.Instagram].CommentsState);

        foreach (var platform in new[] { "facebook", "x", "bluesky" })
            Assert.False((await EntryAsync(host, platform, people[platform], onPlatform[platform])).GetProperty("hidden").GetBoolean(), $"{platform} still hides the comment");
        Assert.False((await simulator.PostsAsync("bluesky")).Single(p => p.GetProperty("id").GetString() == copies["bluesky"]).GetProperty("commentsClosed").GetBoolean());
        Assert.All(await host.MessagesAsync(gossip), m => Assert.Null(m.HiddenAt));
        foreach (var conversation in held.Where(m => m.HiddenAt is not null).Select(m => m.ConversationId))
            Assert.Contains(await AuditDetailsAsync(host.Host, AuditActions.CommentUnhidden, conversation.ToString("D")), d => d.Contains("comment hold lifted (case 2600081234: CPS dropped the charge", StringComparison.Ordinal));
        Assert.Equal([$"comment hold lifted on 4 copies of case {reference}'s posts. Reason: CPS dropped the charge on 25 November"],
            await AuditDetailsAsync(host.Host, AuditActions.PostCommentHoldLifted, updateId));

        // The scheduler tries Instagram again once it answers; a new comment is no longer hidden anywhere.
        await simulator.ClearFaultsAsync();
        await Eventually.GetAsync(() => CopiesAsync(host, updateId), c => c[BlueLamp.Core.Accounts.Platform.Instagram].CommentsState == CommentsState.Reopened, "Instagram's comments on again", TimeSpan.FromSeconds(30));
        Assert.False((await simulator.PostsAsync("instagram")).Single(p => p.GetProperty("id").GetString() == copies["instagram"]).GetProperty("commentsClosed").GetBoolean());
        Assert.All((await CopiesAsync(host, updateId)).Values, c => Assert.Equal(CommentsState.Reopened, c.CommentsState));
        const string later = "glad that's over, he's innocent";
        var another = await simulator.PersonAsync("facebook", "Rhys Facebook");
        await SimulatorPostAsync(host, "comments", new { platform = "facebook", personId = another, text = later, postId = copies["facebook"] });
        await Eventually.GetAsync(() => host.MessagesAsync(later), m => m.Count == 1, "the later comment on the desk");
        await Task.Delay(TimeSpan.FromSeconds(3), Ct); // three scheduler ticks, each of which hid held comments before the lift
        Assert.Null((await host.MessagesAsync(later)).Single().HiddenAt);
    }

    [Fact]
    public async Task A_comment_the_platform_will_not_hide_is_retried_with_backoff_then_marked_failed_on_the_post_page_and_retried_by_hand()
    {
        await using var host = await ChannelHost.StartAsync(extra: new Dictionary<string, string?>
        {
            ["Publishing:SchedulerInterval"] = "00:00:01",
            ["Publishing:HoldRetryAttempts"] = "3",
            ["Publishing:HoldRetryFirstDelay"] = "00:00:01",
            ["Publishing:HoldRetryLongestDelay"] = "00:00:02",
            ["Channels:Resilience:CircuitBreakerBreakDuration"] = "00:00:01",
        });
        const string reference = "2600099881";
        using var comms = await host.Host.LoginAsync(Roles.CommsOfficer);
        var accounts = await AccountsAsync(comms);
        var (updateId, copies) = await PublishUpdateAsync(host, comms, reference, [accounts["Facebook"], accounts["X"]]);

        using var simulator = host.Simulator();
        const string gossip = "his mum lives on Caerleon Road, everyone knows";
        var facebook = await simulator.PersonAsync("facebook", "Dai Facebook");
        var onFacebook = (await SimulatorPostAsync(host, "comments", new { platform = "facebook", personId = facebook, text = $"{gossip} (facebook)", postId = copies["facebook"] })).GetProperty("id").GetString()!;
        var x = await simulator.PersonAsync("x", "Dai X");
        var onX = (await simulator.MentionAsync("x", x, $"{gossip} (x)", inReplyTo: copies["x"])).GetProperty("id").GetString()!;
        await Eventually.GetAsync(() => ConversationsAsync(host, gossip), c => c.Count(v => v.RespondsToPostId == updateId) == 2, "both comments linked to the update");

        // The Facebook comment is deleted on the platform while its webhook is lost: Facebook will never hide it.
        // X is failing (500) for now: worth trying again, but not for ever.
        await simulator.SetFaultsAsync("facebook", new { dropWebhooks = true });
        await simulator.RemoveCommentAsync(onFacebook);
        await simulator.SetFaultsAsync("x", new { serverErrors = true });

        await ChargeAsync(host, comms, reference);

        var facebookHold = await Eventually.GetAsync(() => HeldAsync(host, $"{gossip} (facebook)"), h => h?.State == HeldCommentState.Failed, "Facebook's refusal marked failed at once");
        Assert.Equal(1, facebookHold!.Attempts);
        Assert.Contains("does not exist", facebookHold.Error, StringComparison.Ordinal);
        var xHold = await Eventually.GetAsync(() => HeldAsync(host, $"{gossip} (x)"), h => h?.State == HeldCommentState.Failed, "X's failures marked failed after three attempts", TimeSpan.FromSeconds(40));
        Assert.Equal(3, xHold!.Attempts);
        Assert.Null(xHold.NextAttemptAt);
        // Given up on: the scheduler's ticks (every second) no longer call the platform for either.
        await Task.Delay(TimeSpan.FromSeconds(4), Ct);
        Assert.Equal(3, (await HeldAsync(host, $"{gossip} (x)"))!.Attempts);
        Assert.Equal(1, (await HeldAsync(host, $"{gossip} (facebook)"))!.Attempts);
        Assert.All(await host.MessagesAsync(gossip), m => Assert.Null(m.HiddenAt));
        Assert.Equal(2, (await AuditDetailsAsync(host.Host, AuditActions.PostCommentHoldFailed, updateId)).Count);

        // The post page lists both, with the platform's error.
        var shown = (await GetAsync(comms, updateId)).GetProperty("heldCommentsNotHidden").EnumerateArray().ToList();
        Assert.Equal(2, shown.Count);
        Assert.All(shown, c => Assert.True(c.GetProperty("gaveUp").GetBoolean()));
        Assert.Contains(shown, c => c.GetProperty("text").GetString()!.EndsWith("(facebook)", StringComparison.Ordinal) && c.GetProperty("error").GetString()!.Contains("does not exist", StringComparison.Ordinal));
        Assert.Contains(shown, c => c.GetProperty("text").GetString()!.EndsWith("(x)", StringComparison.Ordinal) && c.GetProperty("attempts").GetInt32() == 3);

        // X is back: trying again by hand hides the X reply; Facebook's comment is still gone, so it stays failed.
        await simulator.ClearFaultsAsync();
        // X's failures opened the connector's circuit breaker (calls paused for a second here); let it close first.
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        using var retried = await comms.PostAsync($"/api/posts/{updateId}/comment-hold/retry", null, Ct);
        Assert.True(retried.IsSuccessStatusCode, await retried.Content.ReadAsStringAsync(Ct));
        var notes = (await retried.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.True(Assert.Single(notes).StartsWith("1 of 2 held comments hidden now. 1 still visible:", StringComparison.Ordinal), notes[0]);
        Assert.True((await simulator.EntryAsync(onX)).GetProperty("hidden").GetBoolean());
        Assert.Equal(HeldCommentState.Hidden, (await HeldAsync(host, $"{gossip} (x)"))!.State);
        Assert.Equal(HeldCommentState.Failed, (await HeldAsync(host, $"{gossip} (facebook)"))!.State);
        Assert.Single(await AuditDetailsAsync(host.Host, AuditActions.PostCommentHoldRetried, updateId));
        var remaining = (await GetAsync(comms, updateId)).GetProperty("heldCommentsNotHidden").EnumerateArray().ToList();
        Assert.EndsWith("(facebook)", Assert.Single(remaining).GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    /// <summary>An incident update of the case with an image, published to the accounts; its platform post id by platform name.</summary>
    private static async Task<(Guid PostId, Dictionary<string, string> Copies)> PublishUpdateAsync(ChannelHost host, HttpClient comms, string reference, IEnumerable<Guid> accounts)
    {
        var updateId = await IdOfAsync(await comms.PostAsJsonAsync("/api/posts/submit",
            Post($"UPDATE: a man was seriously injured in an assault on Commercial Street last night. Call 101 quoting {reference}.",
                accounts, "IncidentUpdate", caseReference: reference, imageUrl: SampleImage(host.BaseAddress)), Ct));
        await IdOfAsync(await comms.PostAsJsonAsync($"/api/posts/{updateId}/schedule", new { at = (DateTimeOffset?)null }, Ct));
        var update = await WaitForStatusAsync(comms, updateId, Published);
        var copies = update.GetProperty("copies").EnumerateArray().Select(c => c.GetProperty("copy"))
            .ToDictionary(c => c.GetProperty("platform").GetInt32() switch { 2 => "facebook", 3 => "instagram", 4 => "x", _ => "bluesky" },
                c => c.GetProperty("platformPostId").GetString()!);
        return (updateId, copies);
    }

    /// <summary>The wanted appeal of the same case goes out, then the suspect is charged.</summary>
    private static async Task ChargeAsync(ChannelHost host, HttpClient comms, string reference)
    {
        var accounts = await AccountsAsync(comms);
        var appealId = await IdOfAsync(await comms.PostAsJsonAsync("/api/posts/submit",
            Post($"WANTED: we want to speak to this man about the assault on Commercial Street. Call 101 quoting {reference}.", [accounts["Facebook"]], "WantedAppeal",
                caseReference: reference, imageUrl: SampleImage(host.BaseAddress)), Ct));
        await AuthoriseAndSendAsync(comms, appealId);
        using var charged = await comms.PostAsJsonAsync($"/api/posts/{appealId}/case-status", new { status = "Charged" }, Ct);
        Assert.True(charged.IsSuccessStatusCode, await charged.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>A comment or reply as the platform holds it, from its author's thread (a Bluesky at-uri does not fit in a path).</summary>
    private static async Task<JsonElement> EntryAsync(ChannelHost host, string platform, string personId, string id)
    {
        using var client = host.NewClient();
        var thread = await client.GetFromJsonAsync<List<JsonElement>>($"/simulator/api/people/{platform}/{Uri.EscapeDataString(personId)}/thread", Ct);
        return thread!.Single(e => e.GetProperty("id").GetString() == id);
    }

    private static async Task<JsonElement> SimulatorPostAsync(ChannelHost host, string path, object body)
    {
        using var client = host.NewClient();
        using var response = await client.PostAsJsonAsync("/simulator/api/" + path, body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<List<Conversation>> ConversationsAsync(ChannelHost host, string text)
    {
        await using var db = host.Dbs.ForForce(await host.DemoForceIdAsync());
        var ids = await db.Messages.AsNoTracking().Where(m => m.Text.Contains(text)).Select(m => m.ConversationId).Distinct().ToListAsync(Ct);
        return await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(Ct);
    }

    private static async Task<Dictionary<BlueLamp.Core.Accounts.Platform, PostCopy>> CopiesAsync(ChannelHost host, Guid postId)
    {
        await using var db = host.Dbs.ForForce(await host.DemoForceIdAsync());
        return await db.PostCopies.AsNoTracking().Where(c => c.PostId == postId).ToDictionaryAsync(c => c.Platform, Ct);
    }

    /// <summary>The hold's record of the comment with this text, if it has one.</summary>
    private static async Task<HeldComment?> HeldAsync(ChannelHost host, string text)
    {
        await using var db = host.Dbs.ForForce(await host.DemoForceIdAsync());
        return await db.HeldComments.AsNoTracking().Where(h => db.Messages.Any(m => m.Id == h.MessageId && m.Text == text)).SingleOrDefaultAsync(Ct);
    }
}
