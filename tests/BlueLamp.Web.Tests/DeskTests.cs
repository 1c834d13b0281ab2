using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Core.Identity;
using BlueLamp.Data;
using BlueLamp.Data.Identity;
using BlueLamp.Web.Desk;
using BlueLamp.Web.Identity;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Web.Tests;

public sealed class DeskTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private BlueLampHost Host => fixture.Host;

    private static readonly object FullThrive = new
    {
        grade = 3,
        threat = "None to the caller now",
        harm = "Property damage",
        risk = "Low",
        investigation = "Crime report needed",
        vulnerability = "None identified",
        engagement = "Reply with crime reference advice",
        rationale = "Non-urgent property crime, no one at risk",
    };

    /// <summary>A member of the public writes; returns the conversation id and the visitor's client.</summary>
    private async Task<(Guid ConversationId, HttpClient Visitor, string Token)> NewConversationAsync(string text)
    {
        var visitor = Host.NewClient();
        var posted = await (await visitor.PostAsJsonAsync("/api/webchat/demo/messages", new { text, clientMessageId = Guid.NewGuid().ToString("N") }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        var dbs = Host.Services.GetRequiredService<BlueLampDbFactory>();
        await using var lookup = dbs.Unscoped();
        var force = await lookup.Forces.SingleAsync(f => f.Slug == "demo", Ct);
        await using var db = dbs.ForForce(force.Id);
        var messageId = posted.GetProperty("messageId").GetGuid();
        var conversationId = await db.Messages.Where(m => m.Id == messageId).Select(m => m.ConversationId).SingleAsync(Ct);
        return (conversationId, visitor, posted.GetProperty("visitorToken").GetString()!);
    }

    private async Task<HttpClient> SecondOperatorAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BlueLampUser>>();
        var demo = await users.FindByEmailAsync(Host.DemoUsers()[Roles.Operator].Email);
        var email = $"op2-{Guid.NewGuid():N}@demo.bluelamp.test";
        var user = new BlueLampUser { UserName = email, Email = email, ForceId = demo!.ForceId, DisplayName = "PC Second" };
        Assert.True((await users.CreateAsync(user, "Second-Operator-42")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Operator)).Succeeded);
        var client = Host.NewClient();
        await BlueLampHost.LoginWithAsync(client, email, "Second-Operator-42");
        return client;
    }

    [Fact]
    public async Task When_two_operators_claim_at_the_same_moment_exactly_one_gets_it_and_the_other_is_told_who()
    {
        var (conversationId, visitor, _) = await NewConversationAsync("Two operators, one conversation");
        using var first = await Host.LoginAsync(Roles.Operator);
        using var second = await SecondOperatorAsync();

        var claims = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? first : second).PostAsync($"/api/desk/conversations/{conversationId}/claim", null, Ct)));

        var winners = claims.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        var losers = claims.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
        Assert.Equal(6, winners.Count + losers.Count);
        var view = await first.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{conversationId}", Ct);
        var holder = view.GetProperty("assignedToName").GetString();
        Assert.Contains(holder, new[] { "Demo Operator", "PC Second" });
        // Only the holder's own repeated claims may succeed; everyone else hears who holds it.
        foreach (var loser in losers)
            Assert.Contains(holder!, await loser.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        visitor.Dispose();
    }

    [Fact]
    public async Task An_operator_cannot_answer_a_conversation_another_operator_holds_and_replying_to_a_free_one_takes_it()
    {
        var (conversationId, visitor, _) = await NewConversationAsync("Who will answer me?");
        using var first = await Host.LoginAsync(Roles.Operator);
        using var second = await SecondOperatorAsync();

        var reply = await second.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/replies", new { text = "PC Second here." }, Ct);
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);

        var blocked = await first.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/replies", new { text = "Me too." }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, blocked.StatusCode);
        Assert.Contains("PC Second has this conversation", await blocked.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        visitor.Dispose();
    }

    [Fact]
    public async Task A_conversation_closes_only_after_a_thrive_assessment_and_reopens_when_the_person_writes_again()
    {
        var (conversationId, visitor, token) = await NewConversationAsync("Someone scratched my car");
        using var op = await Host.LoginAsync(Roles.Operator);
        await op.PostAsync($"/api/desk/conversations/{conversationId}/claim", null, Ct);

        var tooEarly = await op.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/close", new { outcome = "crime_reported" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.Contains("THRIVE", await tooEarly.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var incomplete = await op.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/assessments", new { grade = 3, threat = "none" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var problem = await incomplete.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("harm", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("rationale", out _));

        Assert.Equal(HttpStatusCode.Created, (await op.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/assessments", FullThrive, Ct)).StatusCode);
        var unknownOutcome = await op.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/close", new { outcome = "made_up" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknownOutcome.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await op.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/close", new { outcome = "crime_reported" }, Ct)).StatusCode);

        var queue = await op.GetFromJsonAsync<JsonElement>("/api/desk/queue", Ct);
        Assert.DoesNotContain(queue.EnumerateArray(), i => i.GetProperty("conversationId").GetGuid() == conversationId);

        using var again = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/demo/messages") { Content = JsonContent.Create(new { text = "They came back and did it again", clientMessageId = "again-1" }) };
        again.Headers.Add("X-Visitor-Token", token);
        Assert.Equal(HttpStatusCode.Created, (await visitor.SendAsync(again, Ct)).StatusCode);

        var reopened = await op.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{conversationId}", Ct);
        Assert.Equal(1, reopened.GetProperty("status").GetInt32()); // ConversationStatus.Open
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("outcomeCode").ValueKind);
        visitor.Dispose();
    }

    [Fact]
    public async Task Changing_the_grade_needs_a_reason_and_the_history_keeps_both_assessments()
    {
        var (conversationId, visitor, _) = await NewConversationAsync("My ex keeps turning up at my door");
        using var op = await Host.LoginAsync(Roles.Operator);
        Assert.Equal(HttpStatusCode.Created, (await op.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/assessments", FullThrive, Ct)).StatusCode);

        var noReason = await op.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/assessments", new
        {
            grade = 2, threat = "Ex-partner attending address", harm = "Possible domestic abuse", risk = "Medium", investigation = "Check history",
            vulnerability = "Lives alone", engagement = "Call back today", rationale = "",
        }, Ct);
        Assert.Contains("changing the grade from 3 to 2", await noReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await op.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/assessments", new
        {
            grade = 2, threat = "Ex-partner attending address", harm = "Possible domestic abuse", risk = "Medium", investigation = "Check history",
            vulnerability = "Lives alone", engagement = "Call back today", rationale = "Domestic abuse indicators: raise to priority",
        }, Ct)).StatusCode);

        var view = await op.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{conversationId}", Ct);
        Assert.Equal(2, view.GetProperty("grade").GetInt32());
        var assessments = view.GetProperty("assessments").EnumerateArray().ToList();
        Assert.Equal(2, assessments.Count);
        Assert.Equal(3, assessments[0].GetProperty("previousGrade").GetInt32());
        visitor.Dispose();
    }

    [Fact]
    public async Task A_reference_in_the_wrong_format_is_refused_with_an_example_and_a_right_one_is_linked()
    {
        var (conversationId, visitor, _) = await NewConversationAsync("I reported this last week");
        using var op = await Host.LoginAsync(Roles.Operator);
        var cases = Host.Services.GetRequiredService<BlueLamp.Web.Desk.ConversationCase>();
        var user = new BlueLamp.Web.Identity.DeskUser("x", "Tester", await DemoForceIdAsync());

        var wrong = await cases.LinkReferenceAsync(user, conversationId, BlueLamp.Core.Contact.ReferenceKind.Crime, "12345", Ct);
        var right = await cases.LinkReferenceAsync(user, conversationId, BlueLamp.Core.Contact.ReferenceKind.Crime, "cr/12345/26", Ct);
        var twice = await cases.LinkReferenceAsync(user, conversationId, BlueLamp.Core.Contact.ReferenceKind.Crime, "CR/12345/26", Ct);

        Assert.Contains("CR/12345/26", wrong.Error, StringComparison.Ordinal);
        Assert.True(right.Succeeded);
        Assert.Contains("already linked", twice.Error, StringComparison.Ordinal);
        var view = await op.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{conversationId}", Ct);
        Assert.Equal("CR/12345/26", view.GetProperty("references")[0].GetProperty("value").GetString());
        visitor.Dispose();
    }

    [Fact]
    public async Task The_queue_can_be_searched_by_words_from_any_message()
    {
        var (wanted, v1, _) = await NewConversationAsync("Saw a quad bike being ridden through Riverside Park");
        var (_, v2, _) = await NewConversationAsync("Bins not collected on Oak Road");
        using var op = await Host.LoginAsync(Roles.Operator);

        var found = await op.GetFromJsonAsync<JsonElement>("/api/desk/queue?search=quad%20riverside", Ct);

        Assert.Equal(wanted, Assert.Single(found.EnumerateArray()).GetProperty("conversationId").GetGuid());
        v1.Dispose();
        v2.Dispose();
    }

    [Fact]
    public async Task A_live_update_reads_only_the_changed_conversations_and_merges_them_into_the_queue_in_order()
    {
        var (taken, v1, _) = await NewConversationAsync("Someone is trying car doors on Elm Road");
        var (other, v2, _) = await NewConversationAsync("Graffiti on the bus shelter by the school");
        var queue = Host.Services.GetRequiredService<DeskQueue>();
        await using var scope = Host.Services.CreateAsyncScope();
        var demo = await scope.ServiceProvider.GetRequiredService<UserManager<BlueLampUser>>().FindByEmailAsync(Host.DemoUsers()[Roles.Operator].Email);
        var user = new DeskUser(demo!.Id, demo.DisplayName, demo.ForceId);
        var before = await queue.ListOpenAsync(user, cancellationToken: Ct);
        Assert.Contains(before, i => i.ConversationId == taken && i.AssignedToUserId is null);

        Assert.True((await queue.ClaimAsync(user, taken, Ct)).Succeeded);
        HashSet<Guid> changed = [taken];
        var current = await queue.ListOpenAsync(user, new QueueFilter { Conversations = changed }, Ct);

        var line = Assert.Single(current);
        Assert.Equal((taken, user.UserId), (line.ConversationId, line.AssignedToUserId));
        var merged = DeskQueue.Merge(before, changed, current);
        var reread = await queue.ListOpenAsync(user, cancellationToken: Ct);
        Assert.Equal(reread.Select(i => (i.ConversationId, i.AssignedToUserId)), merged.Select(i => (i.ConversationId, i.AssignedToUserId)));

        // Seen through the "unassigned" filter, the taken conversation has left the queue, and only it.
        var unassigned = new QueueFilter { Unassigned = true };
        var stillFree = DeskQueue.Merge(before, changed, await queue.ListOpenAsync(user, unassigned with { Conversations = changed }, Ct));
        Assert.DoesNotContain(stillFree, i => i.ConversationId == taken);
        Assert.Contains(stillFree, i => i.ConversationId == other);
        Assert.Equal(before.Count - 1, stillFree.Count);
        v1.Dispose();
        v2.Dispose();
    }

    [Fact]
    public async Task A_supervisor_reassigns_a_held_conversation_and_an_operator_may_not()
    {
        var (conversationId, visitor, _) = await NewConversationAsync("Please can someone call me back");
        using var op = await Host.LoginAsync(Roles.Operator);
        using var second = await SecondOperatorAsync();
        await op.PostAsync($"/api/desk/conversations/{conversationId}/claim", null, Ct);
        var secondId = await UserIdAsync("PC Second");

        var byOperator = await op.PostAsJsonAsync($"/api/supervisor/conversations/{conversationId}/reassign", new { toUserId = secondId, reason = "mine now" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, byOperator.StatusCode);

        using var supervisor = await Host.LoginAsync(Roles.Supervisor);
        var noReason = await supervisor.PostAsJsonAsync($"/api/supervisor/conversations/{conversationId}/reassign", new { toUserId = secondId, reason = "" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var done = await supervisor.PostAsJsonAsync($"/api/supervisor/conversations/{conversationId}/reassign", new { toUserId = secondId, reason = "Demo Operator going off shift" }, Ct);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        var view = await second.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{conversationId}", Ct);
        Assert.Equal("PC Second", view.GetProperty("assignedToName").GetString());
        visitor.Dispose();
    }

    [Fact]
    public async Task Linking_two_identities_of_one_person_shows_their_whole_history_and_is_audited()
    {
        var (first, v1, _) = await NewConversationAsync("Reported my stolen van last week, any news?");
        var (second, v2, _) = await NewConversationAsync("It's me again about the van, reference CR/55555/26");
        using var op = await Host.LoginAsync(Roles.Operator);
        var firstView = await op.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{first}", Ct);
        Assert.Empty(firstView.GetProperty("earlierContacts").EnumerateArray());
        Guid otherPerson;
        await using (var db = Host.Services.GetRequiredService<BlueLampDbFactory>().ForForce(await DemoForceIdAsync()))
            otherPerson = await db.Conversations.Where(c => c.Id == second).Select(c => c.PersonId).SingleAsync(Ct);

        var noReason = await op.PostAsJsonAsync($"/api/desk/conversations/{first}/link-person", new { personId = otherPerson, reason = "" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var linked = await op.PostAsJsonAsync($"/api/desk/conversations/{first}/link-person", new { personId = otherPerson, reason = "Same van and crime reference" }, Ct);
        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);

        var after = await op.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{first}", Ct);
        Assert.Equal(second, Assert.Single(after.GetProperty("earlierContacts").EnumerateArray()).GetProperty("conversationId").GetGuid());
        await using var check = Host.Services.GetRequiredService<BlueLampDbFactory>().ForForce(await DemoForceIdAsync());
        Assert.Contains(await check.AuditEvents.Where(e => e.Action == "person.linked").Select(e => e.Detail).ToListAsync(Ct),
            d => d!.Contains("Same van and crime reference", StringComparison.Ordinal));
        v1.Dispose();
        v2.Dispose();
    }

    private async Task<Guid> DemoForceIdAsync()
    {
        await using var db = Host.Services.GetRequiredService<BlueLampDbFactory>().Unscoped();
        return (await db.Forces.SingleAsync(f => f.Slug == "demo", Ct)).Id;
    }

    private async Task<string> UserIdAsync(string displayName)
    {
        await using var db = Host.Services.GetRequiredService<BlueLampDbFactory>().Unscoped();
        return (await db.Users.OrderByDescending(u => u.Email).FirstAsync(u => u.DisplayName == displayName, Ct)).Id;
    }
}
