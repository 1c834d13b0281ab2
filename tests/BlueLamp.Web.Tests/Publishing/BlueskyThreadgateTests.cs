using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Core.Accounts;
using BlueLamp.Web.Channels;
using BlueLamp.Web.Publishing;
using BlueLamp.Web.Tests.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Web.Tests.Publishing;

/// <summary>
/// A comment hold on Bluesky keeps the threadgate the account set in the app, over real HTTP to the simulator: its allow
/// rules come back and its hidden replies stay hidden, a change made in the app while BlueLamp merges is not lost, and more
/// than 50 hidden replies is refused clearly.
/// </summary>
public sealed class BlueskyThreadgateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string FollowingRule = "app.bsky.feed.threadgate#followingRule";

    private sealed record Setup(ChannelHost Host, IPostPublisher Bluesky, ConnectedAccount Account, string PostUri, string Person, string[] Replies);

    private static async Task<Setup> PostWithRepliesAsync(ChannelHost host, int replies)
    {
        using var client = host.NewClient();
        var post = await (await client.PostAsJsonAsync("/simulator/api/posts", new { platform = "bluesky", text = "Appeal: have you seen Dylan, 14?" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var postUri = post.GetProperty("id").GetString()!;
        var simulator = host.Simulator();
        var person = await simulator.PersonAsync("bluesky", "Ceri Price");
        var ids = new List<string>();
        for (var i = 0; i < replies; i++)
            ids.Add((await simulator.MentionAsync("bluesky", person, $"I think I saw him by the canal ({i})", inReplyTo: postUri)).GetProperty("id").GetString()!);
        Guid accountId;
        await using (var db = host.Dbs.ForForce(await host.DemoForceIdAsync()))
            accountId = await db.Accounts.Where(a => a.Platform == Platform.Bluesky).Select(a => a.Id).FirstAsync(Ct);
        var account = await host.Host.Services.GetRequiredService<ConnectedAccounts>().GetAsync(accountId, Ct);
        var publisher = host.Host.Services.GetRequiredService<IEnumerable<IPostPublisher>>().Single(p => p.Platform == Platform.Bluesky);
        return new Setup(host, publisher, account!, postUri, person, [.. ids]);
    }

    /// <summary>The account owner sets the post's threadgate in the Bluesky app (now, or just after BlueLamp next reads it).</summary>
    private static async Task OwnerSetsAsync(Setup s, string[] allow, string[] hidden, bool afterNextRead = false)
    {
        using var client = s.Host.NewClient();
        var record = new Dictionary<string, object>
        {
            ["$type"] = "app.bsky.feed.threadgate", ["post"] = s.PostUri, ["createdAt"] = "2026-11-20T09:00:00.000Z",
            ["allow"] = allow.Select(a => new Dictionary<string, string> { ["$type"] = a }).ToArray(), ["hiddenReplies"] = hidden,
            ["detachedEmbeddingUris"] = Array.Empty<string>(),
        };
        using var set = await client.PostAsJsonAsync("/simulator/api/posts/threadgate", new { post = s.PostUri, record, afterNextRead }, Ct);
        Assert.True(set.IsSuccessStatusCode, await set.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>The post's threadgate as the simulator holds it (null when it has none), and whether each reply is hidden.</summary>
    private static async Task<(JsonElement? Gate, Dictionary<string, bool> Hidden)> OnPlatformAsync(Setup s)
    {
        var post = (await s.Host.Simulator().PostsAsync("bluesky")).Single(p => p.GetProperty("id").GetString() == s.PostUri);
        JsonElement? gate = post.TryGetProperty("threadgateJson", out var json) && json.ValueKind == JsonValueKind.String ? JsonDocument.Parse(json.GetString()!).RootElement.Clone() : null;
        // From the author's thread: a Bluesky at-uri does not fit in a path.
        using var client = s.Host.NewClient();
        var thread = await client.GetFromJsonAsync<List<JsonElement>>($"/simulator/api/people/bluesky/{Uri.EscapeDataString(s.Person)}/thread", Ct);
        var hidden = thread!.Where(e => s.Replies.Contains(e.GetProperty("id").GetString())).ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("hidden").GetBoolean());
        return (gate, hidden);
    }

    private static string[] Allow(JsonElement gate) => gate.TryGetProperty("allow", out var allow) ? [.. allow.EnumerateArray().Select(a => a.GetProperty("$type").GetString()!)] : ["(everyone)"];

    private static string[] HiddenIn(JsonElement gate) => gate.TryGetProperty("hiddenReplies", out var hidden) ? [.. hidden.EnumerateArray().Select(h => h.GetString()!)] : [];

    [Fact]
    public async Task A_hold_keeps_the_accounts_own_threadgate_and_lifting_it_restores_only_what_the_hold_added()
    {
        await using var host = await ChannelHost.StartAsync();
        var s = await PostWithRepliesAsync(host, 3);
        await OwnerSetsAsync(s, [FollowingRule], [s.Replies[0]]);

        var closing = await s.Bluesky.CloseCommentsAsync(s.Account, s.PostUri, [s.Replies[0], s.Replies[1]], null, Ct);

        Assert.True(closing.Result.IsSent, closing.Result.Failure?.Error);
        Assert.Equal([s.Replies[1]], closing.Hidden); // the first was the account's own
        var (held, hiddenWhileHeld) = await OnPlatformAsync(s);
        Assert.Empty(Allow(held!.Value)); // nobody may reply while the hold lasts
        Assert.Equal([s.Replies[0], s.Replies[1]], HiddenIn(held.Value));
        Assert.Equal("2026-11-20T09:00:00.000Z", held.Value.GetProperty("createdAt").GetString()); // the rest of their record is theirs
        Assert.True(held.Value.TryGetProperty("detachedEmbeddingUris", out _));
        Assert.Equal([true, true, false], s.Replies.Select(r => hiddenWhileHeld[r]));

        var lifted = await s.Bluesky.OpenCommentsAsync(s.Account, s.PostUri, closing.Undo, Ct);

        Assert.True(lifted.IsSent, lifted.Failure?.Error);
        var (after, hiddenAfter) = await OnPlatformAsync(s);
        Assert.Equal([FollowingRule], Allow(after!.Value));
        Assert.Equal([s.Replies[0]], HiddenIn(after.Value));
        Assert.Equal([true, false, false], s.Replies.Select(r => hiddenAfter[r]));
    }

    [Fact]
    public async Task A_change_made_in_the_app_while_the_hold_is_merged_is_kept_and_a_threadgate_the_hold_made_alone_is_deleted_on_lifting()
    {
        await using var host = await ChannelHost.StartAsync();
        var s = await PostWithRepliesAsync(host, 3);

        // No threadgate before: the hold makes one, and lifting deletes it.
        var fresh = await s.Bluesky.CloseCommentsAsync(s.Account, s.PostUri, [s.Replies[1]], null, Ct);
        Assert.True(fresh.Result.IsSent, fresh.Result.Failure?.Error);
        Assert.Equal([s.Replies[1]], HiddenIn((await OnPlatformAsync(s)).Gate!.Value));
        Assert.True((await s.Bluesky.OpenCommentsAsync(s.Account, s.PostUri, fresh.Undo, Ct)).IsSent);
        var (gone, shown) = await OnPlatformAsync(s);
        Assert.Null(gone);
        Assert.All(shown.Values, Assert.False);

        // The owner hides a reply in the app just after BlueLamp read the threadgate: the write over the old version is
        // refused (InvalidSwap), and BlueLamp reads and merges again, so the owner's change stays.
        await OwnerSetsAsync(s, [FollowingRule], [s.Replies[0]]);
        await OwnerSetsAsync(s, [FollowingRule], [s.Replies[0], s.Replies[2]], afterNextRead: true);
        var merged = await s.Bluesky.CloseCommentsAsync(s.Account, s.PostUri, [s.Replies[1]], null, Ct);
        Assert.True(merged.Result.IsSent, merged.Result.Failure?.Error);
        var (held, hidden) = await OnPlatformAsync(s);
        Assert.Equal([s.Replies[0], s.Replies[2], s.Replies[1]], HiddenIn(held!.Value));
        Assert.All(hidden.Values, Assert.True);

        Assert.True((await s.Bluesky.OpenCommentsAsync(s.Account, s.PostUri, merged.Undo, Ct)).IsSent);
        var (after, hiddenAfter) = await OnPlatformAsync(s);
        Assert.Equal([FollowingRule], Allow(after!.Value));
        Assert.Equal([s.Replies[0], s.Replies[2]], HiddenIn(after.Value));
        Assert.Equal([true, false, true], s.Replies.Select(r => hiddenAfter[r]));
    }

    [Fact]
    public async Task More_than_fifty_hidden_replies_with_the_accounts_own_is_refused_clearly_and_changes_nothing()
    {
        await using var host = await ChannelHost.StartAsync();
        var s = await PostWithRepliesAsync(host, 2);
        var theirs = Enumerable.Range(0, 49).Select(i => $"at://did:plc:someone00000000000000000/app.bsky.feed.post/3lold{i:000}").Append(s.Replies[0]).ToArray();
        await OwnerSetsAsync(s, [FollowingRule], theirs);

        var closing = await s.Bluesky.CloseCommentsAsync(s.Account, s.PostUri, [s.Replies[1]], null, Ct);

        Assert.False(closing.Result.IsSent);
        Assert.False(closing.Result.Failure!.Retryable);
        Assert.Contains("at most 50 replies", closing.Result.Failure.Error, StringComparison.Ordinal);
        Assert.Contains("already hides 50", closing.Result.Failure.Error, StringComparison.Ordinal);
        var (gate, hidden) = await OnPlatformAsync(s);
        Assert.Equal([FollowingRule], Allow(gate!.Value));
        Assert.Equal(theirs, HiddenIn(gate.Value));
        Assert.False(hidden[s.Replies[1]]);
    }
}
