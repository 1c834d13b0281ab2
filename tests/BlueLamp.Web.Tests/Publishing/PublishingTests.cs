using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Identity;
using static BlueLamp.Web.Tests.Publishing.PublishingApi;

namespace BlueLamp.Web.Tests.Publishing;

/// <summary>Posts over real HTTP to BlueLamp, published through the connectors to the simulator: approval, limits, Welsh, appeals.</summary>
public sealed class PublishingTests(PublishingFixture fixture) : IClassFixture<PublishingFixture>
{
    private const int Submitted = 2, Approved = 3, Published = 8, Withdrawn = 9;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Image => SampleImage(fixture.Platforms.Address);

    [Fact]
    public async Task A_contributors_post_waits_for_a_comms_officer_and_goes_out_to_four_platforms_with_its_Welsh_version_together()
    {
        using var contributor = await fixture.Host.LoginAsync(Roles.Contributor);
        using var comms = await fixture.Host.LoginAsync(Roles.CommsOfficer);
        var accounts = await AccountsAsync(contributor);
        Assert.Equal(["Bluesky", "Facebook", "Instagram", "X"], accounts.Keys.Order());
        var english = "Sheds broken into on Maindee allotments overnight. Please lock tools away and report anything suspicious on 101.";
        var welsh = "Siediau wedi'u torri i mewn ar randiroedd Maindee dros nos. Cloiwch eich offer a rhowch wybod am unrhyw beth amheus ar 101.";

        var postId = await IdOfAsync(await contributor.PostAsJsonAsync("/api/posts/submit", Post(english, accounts.Values, welsh: welsh, imageUrl: Image), Ct));
        Assert.Equal(Submitted, Status(await GetAsync(contributor, postId)));
        // The contributor cannot approve their own post, nor schedule it.
        Assert.Equal(HttpStatusCode.BadRequest, (await contributor.PostAsJsonAsync($"/api/posts/{postId}/approve", new { version = 1 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await contributor.PostAsJsonAsync($"/api/posts/{postId}/schedule", new { at = (DateTimeOffset?)null }, Ct)).StatusCode);

        await ApproveAndSendNowAsync(comms, postId);
        var details = await WaitForStatusAsync(comms, postId, Published);

        var copies = details.GetProperty("copies").EnumerateArray().Select(c => c.GetProperty("copy")).ToList();
        Assert.Equal(8, copies.Count);
        Assert.All(copies, c => Assert.Equal(3, c.GetProperty("state").GetInt32()));
        Assert.All(copies, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("platformPostId").GetString())));
        foreach (var platform in new[] { "facebook", "instagram", "x", "bluesky" })
        {
            Assert.Single(await fixture.Platforms.LivePostsAsync(platform, "Maindee allotments"));
            Assert.Single(await fixture.Platforms.LivePostsAsync(platform, "randiroedd Maindee"));
        }
        var instagram = Assert.Single(await fixture.Platforms.LivePostsAsync("instagram", "Maindee allotments"));
        Assert.Equal("A police officer standing beside a marked car", instagram.GetProperty("altText").GetString());
        var facebook = Assert.Single(await fixture.Platforms.LivePostsAsync("facebook", "Maindee allotments"));
        Assert.Equal("A police officer standing beside a marked car", facebook.GetProperty("altText").GetString());
        // X and Bluesky take the file itself: uploaded first, then attached with its alt text.
        foreach (var platform in new[] { "x", "bluesky" })
        {
            var post = Assert.Single(await fixture.Platforms.LivePostsAsync(platform, "Maindee allotments"));
            Assert.Equal(["A police officer standing beside a marked car"], post.GetProperty("imageAltTexts").EnumerateArray().Select(a => a.GetString()));
            Assert.Empty(post.GetProperty("problems").EnumerateArray());
        }
        // The approval is on the audit trail with the version and the words approved.
        var approval = Assert.Single(await AuditDetailsAsync(fixture.Host, AuditActions.PostApproved, postId));
        Assert.StartsWith("version 1: Sheds broken into", approval, StringComparison.Ordinal);
        Assert.Contains("Cymraeg: Siediau", approval, StringComparison.Ordinal);
        Assert.Contains("8 of 8 copies published", Assert.Single(await AuditDetailsAsync(fixture.Host, AuditActions.PostPublished, postId)), StringComparison.Ordinal);
        // Every read of the post is audited too, with the version read.
        Assert.Contains(await AuditDetailsAsync(fixture.Host, AuditActions.PostViewed, postId), d => d.StartsWith("version 1, Submitted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task What_a_platform_would_refuse_is_refused_next_to_its_field_and_nothing_is_saved()
    {
        using var contributor = await fixture.Host.LoginAsync(Roles.Contributor);
        var accounts = await AccountsAsync(contributor);
        var before = (await contributor.GetFromJsonAsync<JsonElement>("/api/posts", Ct)).GetArrayLength();

        var tooLong = await contributor.PostAsJsonAsync("/api/posts/submit", Post(new string('a', 290) + " refused", [accounts["X"]]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var problem = await tooLong.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains(Errors(problem, "body"), m => m.Contains("too long for X: 298 of 280", StringComparison.Ordinal));

        var noAlt = await contributor.PostAsJsonAsync("/api/posts/submit", new
        {
            purpose = "Reassurance", body = "Extra patrols in the park tonight.", images = new[] { new { url = "https://example.test/p.jpg", altText = "" } },
            accountIds = new[] { accounts["Instagram"] },
        }, Ct);
        Assert.Contains(Errors(await noAlt.Content.ReadFromJsonAsync<JsonElement>(Ct), "images[0].altText"), m => m.Contains("alt text", StringComparison.Ordinal));

        var noImage = await contributor.PostAsJsonAsync("/api/posts/submit", Post("Out on patrol in the park tonight.", [accounts["Instagram"]], image: false), Ct);
        Assert.Contains(Errors(await noImage.Content.ReadFromJsonAsync<JsonElement>(Ct), "images"), m => m.Contains("Instagram needs an image", StringComparison.Ordinal));

        Assert.Equal(before, (await contributor.GetFromJsonAsync<JsonElement>("/api/posts", Ct)).GetArrayLength());
        // Listing posts is a read, audited like the queue.
        Assert.Contains(await AuditDetailsAsync(fixture.Host, AuditActions.PostsListed, subjectId: null), d => d.EndsWith(" posts listed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_contributor_may_not_post_to_web_chat_or_an_account_outside_their_area_and_an_operator_may_not_post_at_all()
    {
        using var contributor = await fixture.Host.LoginAsync(Roles.Contributor);
        using var comms = await fixture.Host.LoginAsync(Roles.CommsOfficer);
        using var op = await fixture.Host.LoginAsync(Roles.Operator);
        var response = await contributor.PostAsJsonAsync("/api/posts", Post("Any text", [Guid.NewGuid()]), Ct);
        Assert.Contains(Errors(await response.Content.ReadFromJsonAsync<JsonElement>(Ct), "accounts"), m => m.Contains("does not exist", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync("/api/posts", Ct)).StatusCode);
        // A comms officer may post anywhere but web chat; the web-chat account is not offered to anyone.
        Assert.Equal(4, (await AccountsAsync(comms)).Count);
    }

    [Fact]
    public async Task An_edit_after_approval_needs_approval_again_and_the_approved_version_is_kept()
    {
        using var comms = await fixture.Host.LoginAsync(Roles.CommsOfficer);
        using var contributor = await fixture.Host.LoginAsync(Roles.Contributor);
        var accounts = await AccountsAsync(contributor);
        var postId = await IdOfAsync(await contributor.PostAsJsonAsync("/api/posts/submit", Post("Community meeting at St Julian's church hall on Thursday at 7pm.", [accounts["Facebook"]], "Event"), Ct));
        await IdOfAsync(await comms.PostAsJsonAsync($"/api/posts/{postId}/approve", new { version = 1 }, Ct));
        Assert.Equal(Approved, Status(await GetAsync(comms, postId)));

        await IdOfAsync(await contributor.PutAsJsonAsync($"/api/posts/{postId}", Post("Community meeting at St Julian's church hall on Friday at 7pm.", [accounts["Facebook"]], "Event"), Ct));

        var post = (await GetAsync(comms, postId)).GetProperty("post");
        Assert.Equal(1, post.GetProperty("status").GetInt32());
        Assert.Equal(2, post.GetProperty("version").GetInt32());
        Assert.Equal(1, post.GetProperty("approvedVersion").GetInt32());
        Assert.Contains("Thursday", post.GetProperty("approvedContent").GetProperty("body").GetString(), StringComparison.Ordinal);
        var refused = await comms.PostAsJsonAsync($"/api/posts/{postId}/schedule", new { at = (DateTimeOffset?)null }, Ct);
        Assert.Contains(Errors(await refused.Content.ReadFromJsonAsync<JsonElement>(Ct), "scheduledFor"), m => m.Contains("not been approved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_calendar_lists_a_scheduled_post_on_each_of_its_accounts_and_filters_by_account_and_purpose()
    {
        const int Scheduled = 5;
        using var comms = await fixture.Host.LoginAsync(Roles.CommsOfficer);
        var accounts = await AccountsAsync(comms);
        var at = DateTimeOffset.UtcNow.AddDays(2);
        var postId = await IdOfAsync(await comms.PostAsJsonAsync("/api/posts/submit", Post("Cadets open evening at Maindee station next week.", [accounts["Facebook"], accounts["X"]], "Recruitment", image: false), Ct));
        await IdOfAsync(await comms.PostAsJsonAsync($"/api/posts/{postId}/schedule", new { at }, Ct));

        async Task<List<JsonElement>> EntriesAsync(string query) =>
            (await comms.GetFromJsonAsync<JsonElement>("/api/posts/calendar" + query, Ct)).EnumerateArray().Where(e => e.GetProperty("postId").GetGuid() == postId).ToList();
        var all = await EntriesAsync("");
        Assert.Equal([2, 4], all.Select(e => e.GetProperty("platform").GetInt32()).Order());
        Assert.All(all, e => Assert.Equal(Scheduled, e.GetProperty("status").GetInt32()));
        Assert.All(all, e => Assert.Equal(at, e.GetProperty("when").GetDateTimeOffset(), TimeSpan.FromSeconds(1)));
        Assert.Equal(2, (await EntriesAsync("?purpose=Recruitment")).Count);
        Assert.Empty(await EntriesAsync("?purpose=CrimeAppeal"));
        Assert.Equal(4, Assert.Single(await EntriesAsync($"?accountId={accounts["X"]}")).GetProperty("platform").GetInt32());
        var wrong = await comms.GetAsync("/api/posts/calendar?purpose=Gossip", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.NotEmpty(Errors(await wrong.Content.ReadFromJsonAsync<JsonElement>(Ct), "purpose"));
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_is_audited_with_the_version_and_the_author_resubmits()
    {
        using var comms = await fixture.Host.LoginAsync(Roles.CommsOfficer);
        using var contributor = await fixture.Host.LoginAsync(Roles.Contributor);
        var accounts = await AccountsAsync(contributor);
        var postId = await IdOfAsync(await contributor.PostAsJsonAsync("/api/posts/submit", Post("Speed checks in Bettws this week.", [accounts["Facebook"]], "Prevention", image: false), Ct));
        // A contributor cannot reject, and a rejection without a reason is refused next to the field; nothing changes.
        Assert.Equal(HttpStatusCode.BadRequest, (await contributor.PostAsJsonAsync($"/api/posts/{postId}/reject", new { version = 1, reason = "No." }, Ct)).StatusCode);
        var blank = await comms.PostAsJsonAsync($"/api/posts/{postId}/reject", new { version = 1, reason = " " }, Ct);
        Assert.NotEmpty(Errors(await blank.Content.ReadFromJsonAsync<JsonElement>(Ct), "reason"));
        Assert.Equal(Submitted, Status(await GetAsync(comms, postId)));

        await IdOfAsync(await comms.PostAsJsonAsync($"/api/posts/{postId}/reject", new { version = 1, reason = "Say which roads, and when: people need to know where." }, Ct));
        var rejected = (await GetAsync(contributor, postId)).GetProperty("post");
        Assert.Equal("Say which roads, and when: people need to know where.", rejected.GetProperty("rejectionReason").GetString());
        Assert.Equal("version 1: Say which roads, and when: people need to know where.", Assert.Single(await AuditDetailsAsync(fixture.Host, AuditActions.PostRejected, postId)));

        await IdOfAsync(await contributor.PostAsJsonAsync($"/api/posts/{postId}/submit", Post("Speed checks on Monnow Way and Bettws Lane, Monday to Friday this week.", [accounts["Facebook"]], "Prevention", image: false), Ct));
        Assert.Equal(Submitted, Status(await GetAsync(comms, postId)));
    }

    [Fact]
    public async Task A_Welsh_copy_that_fails_holds_its_English_copy_back_and_one_retry_sends_both_Welsh_first()
    {
        const int Failed = 4, English = 1, Welsh = 2;
        using var comms = await fixture.Host.LoginAsync(Roles.CommsOfficer);
        var accounts = await AccountsAsync(comms);
        var postId = await IdOfAsync(await comms.PostAsJsonAsync("/api/posts/submit", Post("Bin fires in Pill tonight: please put wheelie bins away.", [accounts["X"]], "Prevention",
            welsh: "Tanau biniau ym Mhill heno: rhowch eich biniau olwyn i gadw.", image: false), Ct));
        await fixture.Platforms.SetFaultsAsync("x", new { serverErrors = true });
        JsonElement details;
        try
        {
            await IdOfAsync(await comms.PostAsJsonAsync($"/api/posts/{postId}/schedule", new { at = (DateTimeOffset?)null }, Ct));
            details = await WaitForStatusAsync(comms, postId, Published);
        }
        finally
        {
            await fixture.Platforms.ClearFaultsAsync();
        }
        var copies = details.GetProperty("copies").EnumerateArray().Select(c => c.GetProperty("copy")).ToDictionary(c => c.GetProperty("language").GetInt32());
        Assert.All(copies.Values, c => Assert.Equal(Failed, c.GetProperty("state").GetInt32()));
        Assert.StartsWith("Not sent: the Welsh copy to this account did not go out", copies[English].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.True(copies[English].GetProperty("retryable").GetBoolean());
        Assert.Empty(await fixture.Platforms.LivePostsAsync("x", "Bin fires in Pill"));
        Assert.Empty(await fixture.Platforms.LivePostsAsync("x", "Tanau biniau"));

        // Retrying the English copy sends the Welsh one first, then the English.
        await IdOfAsync(await comms.PostAsync($"/api/posts/copies/{copies[English].GetProperty("id").GetGuid()}/retry", null, Ct));
        details = await GetAsync(comms, postId);
        Assert.All(details.GetProperty("copies").EnumerateArray(), c => Assert.Equal(3, c.GetProperty("copy").GetProperty("state").GetInt32()));
        var welsh = Assert.Single(await fixture.Platforms.LivePostsAsync("x", "Tanau biniau"));
        var english = Assert.Single(await fixture.Platforms.LivePostsAsync("x", "Bin fires in Pill"));
        Assert.True(welsh.GetProperty("sequence").GetInt64() < english.GetProperty("sequence").GetInt64());
        Assert.All(details.GetProperty("copies").EnumerateArray(), c => Assert.StartsWith("https://", c.GetProperty("copy").GetProperty("link").GetString(), StringComparison.Ordinal));
        var retried = await AuditDetailsAsync(fixture.Host, AuditActions.PostCopyRetried, postId);
        Assert.Equal(2, retried.Count);
        Assert.StartsWith("X (Welsh)", retried[0], StringComparison.Ordinal);
        Assert.Equal(Welsh, copies[Welsh].GetProperty("language").GetInt32());
    }

    [Fact]
    public async Task An_appeal_goes_out_only_with_the_SIOs_authorisation_and_a_contempt_warning_is_acknowledged_first()
    {
        using var comms = await fixture.Host.LoginAsync(Roles.CommsOfficer);
        var accounts = await AccountsAsync(comms);
        var text = "WANTED: Jason Smith, 34, from Pill, who has previous convictions for robbery. Call 101 quoting 2600077001.";
        var warned = await comms.PostAsJsonAsync("/api/posts/submit", Post(text, [accounts["Facebook"]], "WantedAppeal", caseReference: "2600077001"), Ct);
        Assert.Contains(Errors(await warned.Content.ReadFromJsonAsync<JsonElement>(Ct), "contempt"), m => m.Contains("previous convictions", StringComparison.Ordinal));

        var postId = await IdOfAsync(await comms.PostAsJsonAsync("/api/posts/submit", Post(text, [accounts["Facebook"]], "WantedAppeal", caseReference: "2600077001", acknowledge: true), Ct));
        Assert.Single(await AuditDetailsAsync(fixture.Host, AuditActions.ContemptWarningAcknowledged, postId));
        // Submitted by comms, but not approved: the appeal has no authorisation yet.
        Assert.Equal(Submitted, Status(await GetAsync(comms, postId)));
        var refused = await comms.PostAsJsonAsync($"/api/posts/{postId}/approve", new { version = 1 }, Ct);
        Assert.NotEmpty(Errors(await refused.Content.ReadFromJsonAsync<JsonElement>(Ct), "authorisation"));

        var incomplete = await comms.PostAsJsonAsync($"/api/posts/{postId}/authorisation", new { decision = 1, officerName = "DI 4411 Price", officerRole = "SIO", rationale = "", riskAssessment = "" }, Ct);
        Assert.NotEmpty(Errors(await incomplete.Content.ReadFromJsonAsync<JsonElement>(Ct), "rationale"));
        await IdOfAsync(await comms.PostAsJsonAsync($"/api/posts/{postId}/authorisation", new
        {
            decision = 1, officerName = "DI 4411 Price", officerRole = "SIO",
            rationale = "Smith is believed to be in the city and the public can help locate him.",
            riskAssessment = "Low risk of prejudice: no charge yet; image already public.",
        }, Ct));
        await IdOfAsync(await comms.PostAsJsonAsync($"/api/posts/{postId}/approve", new { version = 1 }, Ct));
        var appeal = (await GetAsync(comms, postId)).GetProperty("appeal");
        Assert.Equal("DI 4411 Price", appeal.GetProperty("authorisation").GetProperty("officerName").GetString());
    }

    [Fact]
    public async Task Marking_a_missing_person_found_takes_every_copy_down_on_four_platforms_and_retries_the_one_that_failed()
    {
        using var comms = await fixture.Host.LoginAsync(Roles.CommsOfficer);
        var accounts = await AccountsAsync(comms);
        var text = "MISSING: have you seen Megan, 15, from Bettws? Last seen Tuesday. Call 101 quoting 2600088123.";
        var postId = await IdOfAsync(await comms.PostAsJsonAsync("/api/posts/submit", Post(text, accounts.Values, "MissingPersonAppeal", caseReference: "2600088123", imageUrl: Image), Ct));
        await IdOfAsync(await comms.PostAsJsonAsync($"/api/posts/{postId}/authorisation", new
        {
            decision = 1, officerName = "DS 2207 Hughes", officerRole = "OIC",
            rationale = "Megan is 15 and vulnerable; sightings are needed tonight.",
            riskAssessment = "Publicity risk low against the risk to Megan of not being found.",
        }, Ct));
        await ApproveAndSendNowAsync(comms, postId);
        await WaitForStatusAsync(comms, postId, Published);
        foreach (var platform in new[] { "facebook", "instagram", "x", "bluesky" })
            Assert.Single(await fixture.Platforms.LivePostsAsync(platform, "Megan, 15"));

        await fixture.Platforms.SetFaultsAsync("x", new { serverErrors = true });
        try
        {
            var found = await comms.PostAsJsonAsync($"/api/posts/{postId}/case-status", new { status = "Found" }, Ct);
            var notes = (await found.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ToList();
            Assert.Contains("3 of 4 copies taken down.", notes);
            foreach (var platform in new[] { "facebook", "instagram", "bluesky" })
                Assert.Empty(await fixture.Platforms.LivePostsAsync(platform, "Megan, 15"));
            Assert.Single(await fixture.Platforms.LivePostsAsync("x", "Megan, 15"));
        }
        finally
        {
            await fixture.Platforms.ClearFaultsAsync();
        }

        // The scheduler keeps trying; the comms officer can also retry at once.
        var retried = await comms.PostAsJsonAsync($"/api/posts/{postId}/withdrawals/retry", new { }, Ct);
        if (retried.IsSuccessStatusCode)
            Assert.Contains("1 of 1 copies taken down.", await retried.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var details = await WaitForStatusAsync(comms, postId, Withdrawn);
        Assert.Empty(await fixture.Platforms.LivePostsAsync("x", "Megan, 15"));
        Assert.All(details.GetProperty("copies").EnumerateArray(), c => Assert.Equal(7, c.GetProperty("copy").GetProperty("state").GetInt32()));
        Assert.Equal(4, (await AuditDetailsAsync(fixture.Host, AuditActions.PostCopyWithdrawn, postId)).Count);
        Assert.Contains(await AuditDetailsAsync(fixture.Host, AuditActions.PostCopyWithdrawFailed, postId), d => d.StartsWith("X ", StringComparison.Ordinal));
        Assert.Equal(5, details.GetProperty("appeal").GetProperty("caseStatus").GetInt32());
    }

    [Fact]
    public async Task A_found_person_can_be_replaced_by_a_thank_you_update_without_their_name()
    {
        using var comms = await fixture.Host.LoginAsync(Roles.CommsOfficer);
        var accounts = await AccountsAsync(comms);
        var postId = await IdOfAsync(await comms.PostAsJsonAsync("/api/posts/submit", Post("MISSING: have you seen Rhys, 82, from Caerleon? Call 101 quoting 2600099555.",
            [accounts["Facebook"], accounts["Bluesky"]], "MissingPersonAppeal", caseReference: "2600099555", imageUrl: Image), Ct));
        await IdOfAsync(await comms.PostAsJsonAsync($"/api/posts/{postId}/authorisation", new
        {
            decision = 1, officerName = "Insp 1010 Morgan", officerRole = "OIC",
            rationale = "Rhys has dementia and has been missing overnight in the cold.",
            riskAssessment = "High risk to Rhys; family consent to publicity given.",
        }, Ct));
        await ApproveAndSendNowAsync(comms, postId);
        await WaitForStatusAsync(comms, postId, Published);

        var thanks = "UPDATE: the man we appealed for help to find in Caerleon has been found safe. Thank you for sharing.";
        await IdOfAsync(await comms.PostAsJsonAsync($"/api/posts/{postId}/case-status", new { status = "Found", replace = true, replacementText = thanks }, Ct));

        Assert.Empty(await fixture.Platforms.LivePostsAsync("facebook", "Rhys, 82"));
        Assert.Empty(await fixture.Platforms.LivePostsAsync("bluesky", "Rhys, 82"));
        var replacementId = (await GetAsync(comms, postId)).GetProperty("appeal").GetProperty("replacementPostId").GetGuid();
        await WaitForStatusAsync(comms, replacementId, Published);
        Assert.Single(await fixture.Platforms.LivePostsAsync("facebook", "found safe"));
        Assert.Single(await fixture.Platforms.LivePostsAsync("bluesky", "found safe"));
    }

    [Fact]
    public async Task Charging_a_suspect_takes_the_appeal_down_and_turns_comments_off_on_the_cases_update_or_holds_them_where_the_platform_only_hides_retrying_a_failure()
    {
        const int Closed = 2, Held = 6;
        using var comms = await fixture.Host.LoginAsync(Roles.CommsOfficer);
        var accounts = await AccountsAsync(comms);
        const string reference = "2600066010";
        // The case's incident update stays up on all four accounts; a comms officer's own post is approved on submit.
        var updateId = await IdOfAsync(await comms.PostAsJsonAsync("/api/posts/submit",
            Post("UPDATE: officers are investigating a serious assault on Clarence Place on Saturday night. Call 101 quoting 2600066010.", accounts.Values, "IncidentUpdate", caseReference: reference, imageUrl: Image), Ct));
        await IdOfAsync(await comms.PostAsJsonAsync($"/api/posts/{updateId}/schedule", new { at = (DateTimeOffset?)null }, Ct));
        await WaitForStatusAsync(comms, updateId, Published);
        var appealId = await IdOfAsync(await comms.PostAsJsonAsync("/api/posts/submit",
            Post("WANTED: do you know this man? We want to speak to him about the assault on Clarence Place. Call 101 quoting 2600066010.",
                [accounts["Facebook"], accounts["X"], accounts["Bluesky"]], "WantedAppeal", caseReference: reference, imageUrl: Image), Ct));
        await AuthoriseAndSendAsync(comms, appealId);

        await fixture.Platforms.SetFaultsAsync("instagram", new { serverErrors = true });
        try
        {
            var charged = await comms.PostAsJsonAsync($"/api/posts/{appealId}/case-status", new { status = "Charged" }, Ct);
            var notes = (await charged.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
            Assert.Contains("3 of 3 copies taken down.", notes);
            Assert.Contains("Comments turned off under 1 of 4 copies of the case's other posts.", notes);
            // Nobody has commented yet: the hold hides each comment as it arrives (AppealResponsesTests shows it does).
            Assert.Contains("Comments held under 2 of 4 copies by hiding each one: 0 hidden now, and each new one as it arrives.", notes);
            Assert.Contains(notes, n => n.StartsWith("Facebook: Facebook cannot turn comments off on a Page post through its API", StringComparison.Ordinal));
            Assert.Contains(notes, n => n.StartsWith("X: X lets replies be limited only when a post is created", StringComparison.Ordinal));
            Assert.Contains(notes, n => n.StartsWith("Instagram: comments still open", StringComparison.Ordinal));
        }
        finally
        {
            await fixture.Platforms.ClearFaultsAsync();
        }

        // The scheduler tries Instagram again until comments are off there too.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonElement update;
        while (true)
        {
            update = await GetAsync(comms, updateId);
            if (update.GetProperty("copies").EnumerateArray().Any(c => c.GetProperty("copy").GetProperty("platform").GetInt32() == 3
                && c.GetProperty("copy").GetProperty("commentsState").ValueKind == JsonValueKind.Number && c.GetProperty("copy").GetProperty("commentsState").GetInt32() == Closed))
                break;
            Assert.True(DateTime.UtcNow < deadline, $"Instagram comments are still open: {update}");
            await Task.Delay(100, Ct);
        }
        var states = update.GetProperty("copies").EnumerateArray().Select(c => c.GetProperty("copy"))
            .ToDictionary(c => c.GetProperty("platform").GetInt32(), c => c.GetProperty("commentsState").GetInt32());
        Assert.Equal(new Dictionary<int, int> { [2] = Held, [3] = Closed, [4] = Held, [5] = Closed }, states);
        Assert.Equal(Published, Status(update));

        foreach (var platform in new[] { "facebook", "x", "bluesky" })
            Assert.Empty(await fixture.Platforms.LivePostsAsync(platform, "WANTED: do you know this man?"));
        Assert.True(Assert.Single(await fixture.Platforms.LivePostsAsync("instagram", "assault on Clarence Place on Saturday")).GetProperty("commentsClosed").GetBoolean());
        Assert.True(Assert.Single(await fixture.Platforms.LivePostsAsync("bluesky", "assault on Clarence Place on Saturday")).GetProperty("commentsClosed").GetBoolean());
        Assert.False(Assert.Single(await fixture.Platforms.LivePostsAsync("facebook", "assault on Clarence Place on Saturday")).GetProperty("commentsClosed").GetBoolean());
        Assert.Equal(2, (await AuditDetailsAsync(fixture.Host, AuditActions.PostCommentsClosed, updateId)).Count);
        var failures = await AuditDetailsAsync(fixture.Host, AuditActions.PostCommentsCloseFailed, updateId);
        Assert.Contains(failures, d => d.StartsWith("Instagram ", StringComparison.Ordinal) && d.Contains("still open", StringComparison.Ordinal));
        Assert.Equal(2, (await AuditDetailsAsync(fixture.Host, AuditActions.PostCommentsHeld, updateId)).Count(d => d.Contains("held by hiding each one", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Every_image_goes_to_every_platform_with_its_alt_text_as_Facebook_photos_on_one_post_and_an_Instagram_carousel()
    {
        using var comms = await fixture.Host.LoginAsync(Roles.CommsOfficer);
        var accounts = await AccountsAsync(comms);
        string[] alts = ["A silver Ford Focus estate, front three-quarter view", "The same car's rear, with a roof box"];
        var postId = await IdOfAsync(await comms.PostAsJsonAsync("/api/posts/submit", new
        {
            purpose = "CrimeAppeal",
            body = "APPEAL: this car was seen near the Caerleon Road burglary on Monday. Recognise it? Call 101 quoting 2600071234.",
            images = alts.Select(alt => new { url = Image, altText = alt }).ToArray(),
            accountIds = accounts.Values.ToArray(),
            caseReference = "2600071234",
        }, Ct));
        await AuthoriseAndSendAsync(comms, postId, "The car is the only line of enquiry.", "No person is shown; the number plate is not.");

        foreach (var platform in new[] { "facebook", "instagram", "x", "bluesky" })
        {
            var post = Assert.Single(await fixture.Platforms.LivePostsAsync(platform, "Caerleon Road burglary"));
            Assert.Equal(alts, post.GetProperty("imageAltTexts").EnumerateArray().Select(a => a.GetString()));
            Assert.Empty(post.GetProperty("problems").EnumerateArray());
        }
        foreach (var platform in new[] { "facebook", "instagram" })
            Assert.Equal([Image, Image], Assert.Single(await fixture.Platforms.LivePostsAsync(platform, "Caerleon Road burglary")).GetProperty("imageUrls").EnumerateArray().Select(u => u.GetString()));
    }

    [Fact]
    public async Task An_image_over_Blueskys_size_limit_fails_that_copy_with_the_reason_while_X_takes_it()
    {
        using var comms = await fixture.Host.LoginAsync(Roles.CommsOfficer);
        var accounts = await AccountsAsync(comms);
        var postId = await IdOfAsync(await comms.PostAsJsonAsync("/api/posts/submit", Post("Our new response cars are on the road in Newport this week.",
            [accounts["X"], accounts["Bluesky"]], "Insight", imageUrl: SampleImage(fixture.Platforms.Address, kb: 1200)), Ct));
        await IdOfAsync(await comms.PostAsJsonAsync($"/api/posts/{postId}/schedule", new { at = (DateTimeOffset?)null }, Ct));
        var details = await WaitForStatusAsync(comms, postId, Published);

        var copies = details.GetProperty("copies").EnumerateArray().Select(c => c.GetProperty("copy")).ToDictionary(c => c.GetProperty("platform").GetInt32());
        Assert.Equal(3, copies[4].GetProperty("state").GetInt32());
        Assert.Equal(4, copies[5].GetProperty("state").GetInt32());
        Assert.Contains("Bluesky takes images up to 977 KB", copies[5].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(copies[5].GetProperty("retryable").GetBoolean());
        Assert.Single(await fixture.Platforms.LivePostsAsync("x", "response cars"));
        Assert.Empty(await fixture.Platforms.LivePostsAsync("bluesky", "response cars"));
    }
}
