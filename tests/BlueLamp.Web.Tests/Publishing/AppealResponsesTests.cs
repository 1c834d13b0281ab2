using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Identity;
using BlueLamp.Core.Triage;
using BlueLamp.Web.Tests.Channels;
using Microsoft.EntityFrameworkCore;
using static BlueLamp.Web.Tests.Publishing.PublishingApi;

namespace BlueLamp.Web.Tests.Publishing;

/// <summary>
/// What the public sends back to an appeal, over real HTTP in demo mode (the simulator inside BlueLamp, webhooks and
/// the Bluesky poller for real): comments and replies under the published copies are tied to the appeal and triaged
/// with its purpose, DMs are linked by their shared link or by hand (audited), and the appeal counts them.
/// </summary>
public sealed class AppealResponsesTests(ChannelHostFixture fixture) : IClassFixture<ChannelHostFixture>
{
    private const int Published = 8;
    private const string Sighting = "think I saw her by the bus station 10 mins ago";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ChannelHost Host => fixture.Host;

    [Fact]
    public async Task A_comment_under_a_published_missing_person_appeal_on_each_platform_is_linked_to_it_and_triaged_as_a_sighting()
    {
        using var comms = await Host.Host.LoginAsync(Roles.CommsOfficer);
        var (postId, copies) = await PublishAppealAsync(comms, "Ffion", "2600123001");
        using var simulator = Host.Simulator();

        var facebook = await simulator.PersonAsync("facebook", "Gwen Facebook");
        await PostToSimulatorAsync("comments", new { platform = "facebook", personId = facebook, text = Sighting, postId = copies["Facebook"] });
        var instagram = await simulator.PersonAsync("instagram", "Gwen Instagram");
        await PostToSimulatorAsync("comments", new { platform = "instagram", personId = instagram, text = Sighting, postId = copies["Instagram"] });
        var x = await simulator.PersonAsync("x", "Gwen X");
        await simulator.MentionAsync("x", x, Sighting, inReplyTo: copies["X"]);
        var bluesky = await simulator.PersonAsync("bluesky", "Gwen Bluesky");
        await simulator.MentionAsync("bluesky", bluesky, Sighting, inReplyTo: copies["Bluesky"]);

        var conversations = await Eventually.GetAsync(() => ConversationsAsync(Sighting), c => c.Count(x => x.RespondsToPostId == postId) == 4,
            "four conversations linked to the appeal");
        foreach (var conversation in conversations.Where(c => c.RespondsToPostId == postId))
        {
            Assert.Equal(PostLinkSource.Comment, conversation.RespondsToSource);
            Assert.Equal(Grade.Priority, conversation.Grade);
            Assert.Equal("sighting", conversation.CategoryCode);
        }

        var responses = await comms.GetFromJsonAsync<JsonElement>($"/api/posts/{postId}/responses", Ct);
        Assert.Equal(4, responses.GetProperty("total").GetInt32());
        Assert.Equal(4, responses.GetProperty("byPlatform").EnumerateObject().Count());
        Assert.All(responses.GetProperty("byPlatform").EnumerateObject(), p => Assert.Equal(1, p.Value.GetInt32()));
        Assert.Equal(4, responses.GetProperty("responses").GetArrayLength());
        Assert.Single(await AuditDetailsAsync(Host.Host, AuditActions.PostResponsesViewed, postId));

        // The same words under a post we did not publish through BlueLamp are neither linked nor read as a sighting.
        var other = await PostToSimulatorAsync("posts", new { platform = "facebook", text = "Our new station opens in Caerleon next month." });
        var stranger = await simulator.PersonAsync("facebook", "Someone Else");
        await PostToSimulatorAsync("comments", new { platform = "facebook", personId = stranger, text = Sighting + " at the opening", postId = other.GetProperty("id").GetString() });
        var unlinked = await Eventually.GetAsync(() => ConversationsAsync(Sighting + " at the opening"), c => c.Count == 1, "the comment under the other post");
        Assert.Null(unlinked[0].RespondsToPostId);
        Assert.NotEqual("sighting", unlinked[0].CategoryCode);
    }

    [Fact]
    public async Task A_DM_sharing_the_appeals_link_is_linked_by_itself_and_another_is_linked_by_hand_audited_and_counted_when_useful()
    {
        using var comms = await Host.Host.LoginAsync(Roles.CommsOfficer);
        using var op = await Host.Host.LoginAsync(Roles.Operator);
        var (postId, copies) = await PublishAppealAsync(comms, "Osian", "2600123002");
        using var simulator = Host.Simulator();

        // Shared as people share from X: another address form and a tracking query.
        var sharer = await simulator.PersonAsync("facebook", "Rhian Sharer");
        var shareText = $"Is this the lad? https://twitter.com/DemoConstab/status/{copies["X"]}?s=20 he was at Tesco Extra";
        await simulator.MessageAsync("facebook", sharer, shareText);
        var shared = await Eventually.GetAsync(() => ConversationsAsync("Is this the lad?"), c => c.Count == 1, "the shared-link DM");
        Assert.Equal(postId, shared[0].RespondsToPostId);
        Assert.Equal(PostLinkSource.SharedLink, shared[0].RespondsToSource);

        var writer = await simulator.PersonAsync("facebook", "Dai Writer");
        await simulator.MessageAsync("facebook", writer, "The boy you are looking for was in the park behind my house this morning");
        var dm = (await Eventually.GetAsync(() => ConversationsAsync("in the park behind my house"), c => c.Count == 1, "the DM")).Single();
        Assert.Null(dm.RespondsToPostId);

        var open = await op.GetFromJsonAsync<JsonElement>("/api/desk/appeals/open", Ct);
        Assert.Contains(open.EnumerateArray(), a => a.GetProperty("postId").GetGuid() == postId);
        var refused = await op.PostAsJsonAsync($"/api/desk/conversations/{dm.Id}/post-link", new { postId = Guid.NewGuid() }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var linked = await op.PostAsJsonAsync($"/api/desk/conversations/{dm.Id}/post-link", new { postId }, Ct);
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal(postId, (await linked.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("postId").GetGuid());
        var audit = Assert.Single(await ConversationAuditAsync(dm.Id, AuditActions.ConversationLinkedToPost));
        Assert.Contains("case 2600123002", audit, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await comms.PostAsJsonAsync($"/api/desk/conversations/{dm.Id}/post-link", new { postId }, Ct)).StatusCode);

        // The operator closes it as information passed to the investigation: the appeal counts it as useful.
        await op.PostAsync($"/api/desk/conversations/{dm.Id}/claim", null, Ct);
        Assert.Equal(HttpStatusCode.Created, (await op.PostAsJsonAsync($"/api/desk/conversations/{dm.Id}/assessments", new
        {
            grade = 2, threat = "None to the caller", harm = "Missing child at risk", risk = "Medium", investigation = "Sighting for the OIC",
            vulnerability = "The missing boy", engagement = "Thank them, pass it on", rationale = "A sighting for the missing-person investigation",
        }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await op.PostAsJsonAsync($"/api/desk/conversations/{dm.Id}/close", new { outcome = Outcome.InformationPassed.Code }, Ct)).StatusCode);

        var responses = await comms.GetFromJsonAsync<JsonElement>($"/api/posts/{postId}/responses", Ct);
        Assert.Equal(2, responses.GetProperty("total").GetInt32());
        Assert.Equal(1, responses.GetProperty("useful").GetInt32());
        var calendar = await comms.GetFromJsonAsync<JsonElement>($"/api/posts/calendar", Ct);
        var facebookEntry = calendar.EnumerateArray().Single(e => e.GetProperty("postId").GetGuid() == postId && e.GetProperty("platform").GetInt32() == 2);
        Assert.Equal(2, facebookEntry.GetProperty("responses").GetProperty("total").GetInt32());

        // Removing the link is audited too, and the conversation no longer counts.
        await op.PostAsJsonAsync($"/api/desk/conversations/{dm.Id}/post-link", new { postId = (Guid?)null }, Ct);
        Assert.Single(await ConversationAuditAsync(dm.Id, AuditActions.ConversationPostLinkRemoved));
        Assert.Equal(1, (await comms.GetFromJsonAsync<JsonElement>($"/api/posts/{postId}/responses", Ct)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Charging_a_suspect_hides_every_comment_under_the_cases_update_on_Facebook_and_X_and_each_new_one_as_it_arrives()
    {
        const string reference = "2600077120";
        const string gossip = "everyone knows it was the lad from Alway, he's done time before";
        using var comms = await Host.Host.LoginAsync(Roles.CommsOfficer);
        var accounts = await AccountsAsync(comms);
        var updateId = await IdOfAsync(await comms.PostAsJsonAsync("/api/posts/submit",
            Post($"UPDATE: a man was seriously injured in a stabbing on Somerton Road last night. Call 101 quoting {reference}.",
                [accounts["Facebook"], accounts["X"]], "IncidentUpdate", caseReference: reference, image: false), Ct));
        await IdOfAsync(await comms.PostAsJsonAsync($"/api/posts/{updateId}/schedule", new { at = (DateTimeOffset?)null }, Ct));
        var update = await WaitForStatusAsync(comms, updateId, Published);
        var copies = update.GetProperty("copies").EnumerateArray().Select(c => c.GetProperty("copy"))
            .ToDictionary(c => c.GetProperty("platform").GetInt32() == 2 ? "Facebook" : "X", c => c.GetProperty("platformPostId").GetString()!);

        using var simulator = Host.Simulator();
        var facebook = await simulator.PersonAsync("facebook", "Dai Facebook");
        var onFacebook = await PostToSimulatorAsync("comments", new { platform = "facebook", personId = facebook, text = gossip, postId = copies["Facebook"] });
        var x = await simulator.PersonAsync("x", "Dai X");
        var onX = await simulator.MentionAsync("x", x, "@DemoConstab " + gossip, inReplyTo: copies["X"]);
        await Eventually.GetAsync(() => ConversationsAsync(gossip), c => c.Count(v => v.RespondsToPostId == updateId) == 2, "both comments linked to the update");

        // The wanted appeal of the same case goes out, then the suspect is charged.
        var appealId = await IdOfAsync(await comms.PostAsJsonAsync("/api/posts/submit",
            Post($"WANTED: we want to speak to this man about the stabbing on Somerton Road. Call 101 quoting {reference}.", [accounts["Facebook"]], "WantedAppeal",
                caseReference: reference, imageUrl: SampleImage(Host.BaseAddress)), Ct));
        await AuthoriseAndSendAsync(comms, appealId);
        using var charged = await comms.PostAsJsonAsync($"/api/posts/{appealId}/case-status", new { status = "Charged" }, Ct);
        Assert.True(charged.IsSuccessStatusCode, await charged.Content.ReadAsStringAsync(Ct));
        var notes = (await charged.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Contains("Comments held under 2 of 2 copies by hiding each one: 2 hidden now, and each new one as it arrives.", notes);

        // Hidden on both platforms, and on the desk with the reason.
        foreach (var id in new[] { onFacebook.GetProperty("id").GetString()!, onX.GetProperty("id").GetString()! })
            Assert.True((await simulator.EntryAsync(id)).GetProperty("hidden").GetBoolean());
        var messages = await Host.MessagesAsync(gossip);
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.StartsWith($"Held: proceedings are active in case {reference}", m.HiddenReason, StringComparison.Ordinal));
        Assert.All(messages, m => Assert.Equal("Demo Comms Officer", m.HiddenByName));

        // A new comment after the charge is hidden by the scheduler as soon as it reaches the desk.
        const string later = "my cousin saw him at the Spar on Chepstow Road";
        var another = await simulator.PersonAsync("facebook", "Bethan Facebook");
        var onFacebookLater = await PostToSimulatorAsync("comments", new { platform = "facebook", personId = another, text = later, postId = copies["Facebook"] });
        var hiddenLater = await Eventually.GetAsync(() => Host.MessagesAsync(later), m => m.Count == 1 && m[0].HiddenAt is not null, "the later comment hidden", TimeSpan.FromSeconds(40));
        Assert.Equal("BlueLamp (publishing)", hiddenLater[0].HiddenByName);
        Assert.True((await simulator.EntryAsync(onFacebookLater.GetProperty("id").GetString()!)).GetProperty("hidden").GetBoolean());

        // The desk cannot show a held comment again; each hiding is on its conversation's audit trail.
        using var op = await Host.Host.LoginAsync(Roles.Operator);
        var message = messages.First();
        using var unhide = await op.PostAsync($"/api/desk/conversations/{message.ConversationId}/messages/{message.Id}/unhide", null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unhide.StatusCode);
        Assert.Contains("held while proceedings are active", await unhide.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        foreach (var m in messages.Append(hiddenLater[0]))
            Assert.Contains(await ConversationAuditAsync(m.ConversationId, AuditActions.CommentHidden), d => d.Contains($"Held: proceedings are active in case {reference}", StringComparison.Ordinal));
        Assert.Equal(2, (await AuditDetailsAsync(Host.Host, AuditActions.PostCommentsHeld, updateId)).Count);
    }

    /// <summary>Publishes an authorised missing-person appeal to the four demo accounts; the platform post id of each copy by platform.</summary>
    private async Task<(Guid PostId, Dictionary<string, string> Copies)> PublishAppealAsync(HttpClient comms, string name, string reference)
    {
        var accounts = await AccountsAsync(comms);
        var postId = await IdOfAsync(await comms.PostAsJsonAsync("/api/posts/submit",
            Post($"MISSING: have you seen {name}, 14, from Pillgwenlly? Call 101 quoting {reference}.", accounts.Values, "MissingPersonAppeal", caseReference: reference, imageUrl: SampleImage(Host.BaseAddress)), Ct));
        await IdOfAsync(await comms.PostAsJsonAsync($"/api/posts/{postId}/authorisation", new
        {
            decision = 1, officerName = "DS 2207 Hughes", officerRole = "OIC",
            rationale = $"{name} is 14 and vulnerable; sightings are needed.", riskAssessment = "Publicity risk low against the risk of not finding them.",
        }, Ct));
        await ApproveAndSendNowAsync(comms, postId);
        var details = await WaitForStatusAsync(comms, postId, Published);
        var copies = details.GetProperty("copies").EnumerateArray().Select(c => c.GetProperty("copy"))
            .ToDictionary(c => c.GetProperty("platform").GetInt32() switch { 2 => "Facebook", 3 => "Instagram", 4 => "X", _ => "Bluesky" },
                c => c.GetProperty("platformPostId").GetString()!);
        return (postId, copies);
    }

    private async Task<JsonElement> PostToSimulatorAsync(string path, object body)
    {
        using var client = Host.NewClient();
        using var response = await client.PostAsJsonAsync("/simulator/api/" + path, body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<List<Conversation>> ConversationsAsync(string text)
    {
        await using var db = Host.Dbs.ForForce(await Host.DemoForceIdAsync());
        var ids = await db.Messages.AsNoTracking().Where(m => m.Text.Contains(text)).Select(m => m.ConversationId).Distinct().ToListAsync(Ct);
        return await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(Ct);
    }

    private async Task<List<string>> ConversationAuditAsync(Guid conversationId, string action)
    {
        await using var db = Host.Dbs.ForForce(await Host.DemoForceIdAsync());
        var id = conversationId.ToString("D");
        return await db.AuditEvents.Where(e => e.Action == action && e.SubjectId == id).Select(e => e.Detail ?? "").ToListAsync(Ct);
    }
}
