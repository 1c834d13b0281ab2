using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Identity;
using Microsoft.EntityFrameworkCore;
using static BlueLamp.Web.Tests.Channels.ChannelsTests;

namespace BlueLamp.Web.Tests.Channels;

/// <summary>
/// Public comments and mentions over real HTTP against the simulator: moved to a private message with the safe public
/// line on every platform that has private replies, refused with the reason where it cannot, and hidden and shown again.
/// </summary>
public sealed class PublicCommentTests(ChannelHostFixture fixture) : IClassFixture<ChannelHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ChannelHost Host => fixture.Host;

    [Theory]
    [InlineData("facebook")]
    [InlineData("instagram")]
    [InlineData("x")]
    [InlineData("bluesky")]
    public async Task A_public_comment_moved_to_private_reaches_the_person_privately_and_the_safe_line_is_posted_publicly(string platform)
    {
        using var simulator = Host.Simulator();
        using var desk = await Host.Host.LoginAsync(Roles.Operator);
        var marker = Guid.NewGuid().ToString("N")[..10];
        var person = await simulator.PersonAsync(platform, $"Sian {platform} Private");
        await PublicAsync(simulator, platform, person, $"My neighbour at 14 Oak Street keeps threatening me ({marker})");
        var conversationId = await ConversationInQueueAsync(desk, marker);

        var check = await desk.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{conversationId}/private-reply", Ct);
        Assert.True(check.GetProperty("allowed").GetBoolean(), check.ToString());
        Assert.Equal(SafePublicLine.DefaultEnglish, check.GetProperty("safeLine").GetString());

        var text = $"Please tell us more here, privately: when did this start? ({marker})";
        var sent = await desk.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/private-replies", new { text }, Ct);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);

        var view = await Eventually.GetAsync(
            () => desk.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{conversationId}", Ct),
            v => Outbound(v).Count == 2 && Outbound(v).All(m => m.GetProperty("deliveryState").GetInt32() == (int)DeliveryState.Sent),
            "the private reply and the safe line to be delivered", TimeSpan.FromSeconds(30));
        var outbound = Outbound(view);
        Assert.True(Assert.Single(outbound, m => m.GetProperty("text").GetString() == text).GetProperty("sentPrivately").GetBoolean());
        Assert.False(Assert.Single(outbound, m => m.GetProperty("text").GetString() == SafePublicLine.DefaultEnglish).GetProperty("sentPrivately").GetBoolean());

        var seen = await simulator.SentToAsync(platform, person);
        var privately = Assert.Single(seen, e => e.GetProperty("text").GetString() == text);
        Assert.Equal("directMessage", privately.GetProperty("kind").GetString());
        if (platform is "facebook" or "instagram")
            Assert.Equal("PRIVATE_REPLY", privately.GetProperty("sendMode").GetString());
        var line = Assert.Single(seen, e => e.GetProperty("text").GetString() == SafePublicLine.DefaultEnglish);
        Assert.NotEqual("directMessage", line.GetProperty("kind").GetString());
        Assert.Empty(privately.GetProperty("problems").EnumerateArray());
        Assert.Empty(line.GetProperty("problems").EnumerateArray());
        Assert.Contains(await AuditAsync(AuditActions.ConversationRepliedPrivately), e => e.SubjectId == conversationId.ToString("D"));
    }

    [Fact]
    public async Task Meta_allows_one_private_reply_per_comment_and_none_after_seven_days_and_the_operator_is_told_before_sending()
    {
        using var simulator = Host.Simulator();
        using var desk = await Host.Host.LoginAsync(Roles.Operator);
        var marker = Guid.NewGuid().ToString("N")[..10];
        var person = await simulator.PersonAsync("facebook", "Owain Once");
        await simulator.CommentAsync("facebook", person, $"Who do I talk to about my stolen bike? ({marker}a)");
        var conversationId = await ConversationInQueueAsync(desk, marker + "a");
        Assert.Equal(HttpStatusCode.Created, (await desk.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/private-replies", new { text = $"We have messaged you ({marker}a)" }, Ct)).StatusCode);
        await Eventually.GetAsync(() => desk.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{conversationId}", Ct),
            v => Outbound(v).Count == 2 && Outbound(v).All(m => m.GetProperty("deliveryState").GetInt32() == (int)DeliveryState.Sent), "the first private reply");

        var again = await desk.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{conversationId}/private-reply", Ct);
        Assert.False(again.GetProperty("allowed").GetBoolean());
        Assert.Contains("one private reply to each comment", again.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var refused = await desk.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/private-replies", new { text = "And another thing" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var old = await simulator.PersonAsync("facebook", "Eira Old");
        await simulator.CommentAsync("facebook", old, $"Any news on the burglary? ({marker}b)", at: DateTimeOffset.UtcNow.AddDays(-8));
        var oldConversation = await ConversationInQueueAsync(desk, marker + "b");
        var check = await desk.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{oldConversation}/private-reply", Ct);
        Assert.False(check.GetProperty("allowed").GetBoolean());
        Assert.Contains("within 7 days", check.GetProperty("reason").GetString(), StringComparison.Ordinal);
        refused = await desk.PostAsJsonAsync($"/api/desk/conversations/{oldConversation}/private-replies", new { text = "Hello privately" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("within 7 days", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(Outbound(await desk.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{oldConversation}", Ct)));
        Assert.Empty(await simulator.SentToAsync("facebook", old));
    }

    [Fact]
    public async Task A_Bluesky_person_who_takes_no_chats_cannot_be_answered_privately_and_the_operator_is_told_why()
    {
        using var simulator = Host.Simulator();
        using var desk = await Host.Host.LoginAsync(Roles.Operator);
        var marker = Guid.NewGuid().ToString("N")[..10];
        var person = await simulator.PersonAsync("bluesky", "Gwen Closed");
        await simulator.SetChatAsync(person, "none");
        await simulator.MentionAsync("bluesky", person, $"@democonstabulary.bsky.social there is a fight outside the Red Lion ({marker})");
        var conversationId = await ConversationInQueueAsync(desk, marker);

        var check = await desk.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{conversationId}/private-reply", Ct);
        Assert.False(check.GetProperty("allowed").GetBoolean());
        Assert.Contains("chat setting", check.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var refused = await desk.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/private-replies", new { text = "We would like to talk privately" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Empty(await simulator.SentToAsync("bluesky", person));
    }

    [Fact]
    public async Task The_force_words_its_own_safe_public_line_in_English_and_Welsh_and_a_line_too_long_is_refused()
    {
        using var simulator = Host.Simulator();
        using var admin = await Host.Host.LoginAsync(Roles.Administrator);
        using var desk = await Host.Host.LoginAsync(Roles.Operator);
        var marker = Guid.NewGuid().ToString("N")[..10];
        var english = $"We have messaged you privately ({marker}).";
        try
        {
            var tooLong = await admin.PutAsJsonAsync("/api/settings/safe-public-line", new { english = new string('a', SafePublicLine.MaxLength + 1) }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
            Assert.False((await admin.GetFromJsonAsync<JsonElement>("/api/settings/safe-public-line", Ct)).GetProperty("custom").GetBoolean());
            Assert.Equal(HttpStatusCode.Forbidden, (await desk.PutAsJsonAsync("/api/settings/safe-public-line", new { english }, Ct)).StatusCode);

            Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/settings/safe-public-line", new { english, welsh = "Rydym wedi anfon neges atoch." }, Ct)).StatusCode);
            Assert.Contains(await AuditAsync(AuditActions.SafePublicLineChanged), e => e.Detail!.Contains(marker, StringComparison.Ordinal));

            var person = await simulator.PersonAsync("facebook", "Ffion Custom");
            await simulator.CommentAsync("facebook", person, $"Can I report a scam here? ({marker})");
            var conversationId = await ConversationInQueueAsync(desk, marker);
            Assert.Equal(english, (await desk.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{conversationId}/private-reply", Ct)).GetProperty("safeLine").GetString());
            await desk.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/private-replies", new { text = $"Yes, tell us here ({marker}x)" }, Ct);
            await Eventually.GetAsync(() => simulator.SentToAsync("facebook", person), sent => sent.Any(e => e.GetProperty("text").GetString() == english), "the force's own safe line");
        }
        finally
        {
            await admin.PutAsJsonAsync("/api/settings/safe-public-line", new { english = "", welsh = "" }, Ct);
        }
    }

    [Fact]
    public async Task A_private_conversation_is_not_moved_to_private()
    {
        using var simulator = Host.Simulator();
        using var desk = await Host.Host.LoginAsync(Roles.Operator);
        var marker = Guid.NewGuid().ToString("N")[..10];
        var person = await simulator.PersonAsync("facebook", "Dewi Direct");
        await simulator.MessageAsync("facebook", person, $"Hello, private already ({marker})");
        var conversationId = await ConversationInQueueAsync(desk, marker);

        var refused = await desk.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/private-replies", new { text = "Hi" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("private already", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_reply_that_fails_shows_the_platforms_error_and_is_delivered_when_retried()
    {
        using var simulator = Host.Simulator();
        using var desk = await Host.Host.LoginAsync(Roles.Operator);
        var marker = Guid.NewGuid().ToString("N")[..10];
        var person = await simulator.PersonAsync("instagram", "Nia Outage");
        await simulator.CommentAsync("instagram", person, $"Can someone call me back? ({marker})");
        var conversationId = await ConversationInQueueAsync(desk, marker);
        var text = $"We have sent you a message ({marker})";

        JsonElement failed;
        await simulator.SetFaultsAsync("instagram", new { serverErrors = true });
        try
        {
            await desk.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/private-replies", new { text }, Ct);
            var view = await Eventually.GetAsync(() => desk.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{conversationId}", Ct),
                v => Outbound(v).Count == 2 && Outbound(v).All(m => m.GetProperty("deliveryState").GetInt32() == (int)DeliveryState.Failed),
                "both to fail", TimeSpan.FromSeconds(30));
            failed = Outbound(view).Single(m => m.GetProperty("sentPrivately").GetBoolean());
        }
        finally
        {
            await simulator.ClearFaultsAsync();
        }
        Assert.Contains("Meta", failed.GetProperty("deliveryError").GetString(), StringComparison.Ordinal);
        Assert.Empty(await simulator.SentToAsync("instagram", person));

        var retried = await desk.PostAsync($"/api/desk/conversations/{conversationId}/messages/{failed.GetProperty("messageId").GetGuid()}/retry", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        await Eventually.GetAsync(() => desk.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{conversationId}", Ct),
            v => Outbound(v).Any(m => m.GetProperty("sentPrivately").GetBoolean() && m.GetProperty("deliveryState").GetInt32() == (int)DeliveryState.Sent),
            "the retried private reply", TimeSpan.FromSeconds(30));
        var seen = Assert.Single(await simulator.SentToAsync("instagram", person));
        Assert.Equal("PRIVATE_REPLY", seen.GetProperty("sendMode").GetString());
    }

    [Theory]
    [InlineData("facebook")]
    [InlineData("instagram")]
    [InlineData("x")]
    public async Task A_comment_that_discloses_personal_data_is_hidden_on_the_platform_with_the_reason_and_shown_again(string platform)
    {
        using var simulator = Host.Simulator();
        using var desk = await Host.Host.LoginAsync(Roles.Operator);
        var marker = Guid.NewGuid().ToString("N")[..10];
        var person = await simulator.PersonAsync(platform, $"Huw {platform} Loose");
        var comment = await PublicAsync(simulator, platform, person, $"The man who did it lives at 3 Mill Lane, his name is on the door ({marker})");
        var commentId = comment.GetProperty("id").GetString()!;
        var conversationId = await ConversationInQueueAsync(desk, marker);
        var messageId = await InboundIdAsync(desk, conversationId);

        var noReason = await desk.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/messages/{messageId}/hide", new { reason = " " }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.False((await simulator.EntryAsync(commentId)).GetProperty("hidden").GetBoolean());

        var hidden = await desk.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/messages/{messageId}/hide", new { reason = "Gives a suspect's home address" }, Ct);
        Assert.Equal(HttpStatusCode.Created, hidden.StatusCode);
        Assert.True((await simulator.EntryAsync(commentId)).GetProperty("hidden").GetBoolean());
        var message = await InboundAsync(desk, conversationId);
        Assert.Equal("Gives a suspect's home address", message.GetProperty("hiddenReason").GetString());
        Assert.NotEqual(JsonValueKind.Null, message.GetProperty("hiddenAt").ValueKind);
        Assert.Contains(await AuditAsync(AuditActions.CommentHidden), e => e.SubjectId == conversationId.ToString("D") && e.Detail!.Contains("home address", StringComparison.Ordinal));

        var shown = await desk.PostAsync($"/api/desk/conversations/{conversationId}/messages/{messageId}/unhide", null, Ct);
        Assert.Equal(HttpStatusCode.Created, shown.StatusCode);
        Assert.False((await simulator.EntryAsync(commentId)).GetProperty("hidden").GetBoolean());
        Assert.Equal(JsonValueKind.Null, (await InboundAsync(desk, conversationId)).GetProperty("hiddenAt").ValueKind);
        Assert.Contains(await AuditAsync(AuditActions.CommentUnhidden), e => e.SubjectId == conversationId.ToString("D"));
    }

    [Fact]
    public async Task Bluesky_offers_no_hiding_and_says_so()
    {
        using var simulator = Host.Simulator();
        using var desk = await Host.Host.LoginAsync(Roles.Operator);
        var marker = Guid.NewGuid().ToString("N")[..10];
        var person = await simulator.PersonAsync("bluesky", "Bryn Sky");
        await simulator.MentionAsync("bluesky", person, $"@democonstabulary.bsky.social the driver was Jon Smith of 2 High St ({marker})");
        var conversationId = await ConversationInQueueAsync(desk, marker);
        var messageId = await InboundIdAsync(desk, conversationId);

        var refused = await desk.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/messages/{messageId}/hide", new { reason = "Names a suspect" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Bluesky has no way", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await InboundAsync(desk, conversationId)).GetProperty("hiddenAt").ValueKind);
    }

    [Fact]
    public async Task A_hide_the_platform_refuses_changes_nothing_and_works_when_tried_again()
    {
        using var simulator = Host.Simulator();
        using var desk = await Host.Host.LoginAsync(Roles.Operator);
        var marker = Guid.NewGuid().ToString("N")[..10];
        var person = await simulator.PersonAsync("facebook", "Mair Retry");
        var comment = await simulator.CommentAsync("facebook", person, $"Her phone number is 07700 900123 ({marker})");
        var conversationId = await ConversationInQueueAsync(desk, marker);
        var messageId = await InboundIdAsync(desk, conversationId);

        await simulator.SetFaultsAsync("facebook", new { serverErrors = true });
        HttpResponseMessage refused;
        try
        {
            refused = await desk.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/messages/{messageId}/hide", new { reason = "Gives a phone number" }, Ct);
        }
        finally
        {
            await simulator.ClearFaultsAsync();
        }
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Meta", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await InboundAsync(desk, conversationId)).GetProperty("hiddenAt").ValueKind);
        Assert.False((await simulator.EntryAsync(comment.GetProperty("id").GetString()!)).GetProperty("hidden").GetBoolean());

        var hidden = await desk.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/messages/{messageId}/hide", new { reason = "Gives a phone number" }, Ct);
        Assert.Equal(HttpStatusCode.Created, hidden.StatusCode);
        Assert.True((await simulator.EntryAsync(comment.GetProperty("id").GetString()!)).GetProperty("hidden").GetBoolean());
    }

    private static async Task<JsonElement> PublicAsync(SimulatorApi simulator, string platform, string person, string text)
    {
        if (platform is "facebook" or "instagram")
            return await simulator.CommentAsync(platform, person, text);
        var handle = platform == "x" ? "@DemoConstab " : "@democonstabulary.bsky.social ";
        // A reply under the account's own post: X lets an account hide replies only in conversations it started.
        var post = (await simulator.PostsAsync(platform)).Last();
        return await simulator.MentionAsync(platform, person, handle + text, post.GetProperty("id").GetString());
    }

    private static List<JsonElement> Outbound(JsonElement view) =>
        [.. view.GetProperty("messages").EnumerateArray().Where(m => m.GetProperty("direction").GetInt32() == (int)MessageDirection.Outbound)];

    private static async Task<JsonElement> InboundAsync(HttpClient desk, Guid conversationId) =>
        (await desk.GetFromJsonAsync<JsonElement>($"/api/desk/conversations/{conversationId}", Ct))
            .GetProperty("messages").EnumerateArray().First(m => m.GetProperty("direction").GetInt32() == (int)MessageDirection.Inbound);

    private static async Task<Guid> InboundIdAsync(HttpClient desk, Guid conversationId) =>
        (await InboundAsync(desk, conversationId)).GetProperty("messageId").GetGuid();

    private async Task<List<AuditEvent>> AuditAsync(string action)
    {
        await using var db = Host.Dbs.ForForce(await Host.DemoForceIdAsync());
        return await db.AuditEvents.AsNoTracking().Where(e => e.Action == action).ToListAsync(Ct);
    }
}
