using System.Globalization;
using System.Net;
using BlueLamp.Web.Tests.Channels;
using BlueLamp.Web.Tests.Hosting;
using static BlueLamp.Web.Tests.Triage.ReferralSender;

namespace BlueLamp.Web.Tests.Triage;

/// <summary>
/// Two BlueLamp nodes on one database (the same SQLite file, or one PostgreSQL database) share the referral endpoint's
/// limits: together they allow a key its limit once, not once each, and a refused referral gets 429 and is not stored.
/// </summary>
public sealed class ReferralLimitAcrossNodesTests
{
    private const int PerKey = 3;
    private const int FailuresPerAddress = 2;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(ChannelHost.Providers), MemberType = typeof(ChannelHost))]
    public async Task Two_nodes_together_allow_a_key_its_limit_once_and_refuse_the_rest_with_429(string provider)
    {
        await using var a = await ChannelHost.StartAsync(provider, Limits("node-a"));
        await using var b = new BlueLampHost(new Dictionary<string, string?>(a.Settings) { ["Node:Id"] = "node-b" }, a.DataFolder);
        _ = b.BaseAddress;
        var (_, key) = await MakeKeyAsync(a.Host, "Meta safety team");

        Assert.Equal(HttpStatusCode.Created, (await SendAsync(a.Host, key, Referral("nodes-1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(b, key, Referral("nodes-2"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(b, key, Referral("nodes-3"))).StatusCode);
        var overOnA = await SendAsync(a.Host, key, Referral("nodes-4"));
        var overOnB = await SendAsync(b, key, Referral("nodes-5"));

        Assert.Equal(HttpStatusCode.TooManyRequests, overOnA.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, overOnB.StatusCode);
        Assert.InRange(overOnB.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(61)); // a minute after the first count, and its one-second bucket
        Assert.Contains("NOT recorded", await overOnA.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync(a.Host, "nodes-4"));
        Assert.Equal(0, await StoredAsync(a.Host, "nodes-5"));
        Assert.Equal(1, await StoredAsync(a.Host, "nodes-3"));
    }

    [Theory]
    [MemberData(nameof(ChannelHost.Providers), MemberType = typeof(ChannelHost))]
    public async Task Failed_keys_from_one_address_count_across_nodes(string provider)
    {
        await using var a = await ChannelHost.StartAsync(provider, Limits("node-a"));
        await using var b = new BlueLampHost(new Dictionary<string, string?>(a.Settings) { ["Node:Id"] = "node-b" }, a.DataFolder);
        _ = b.BaseAddress;
        var (_, key) = await MakeKeyAsync(b, "X trust and safety");

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(a.Host, "blr_guess-1", Referral("guess-1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(b, "blr_guess-2", Referral("guess-2"))).StatusCode);
        var third = await SendAsync(a.Host, "blr_guess-3", Referral("guess-3"));

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(b, key, Referral("valid-after-guesses"))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(ChannelHost.Providers), MemberType = typeof(ChannelHost))]
    public async Task A_key_that_used_its_limit_just_before_a_minutes_end_is_refused_just_after_it_on_the_other_node(string provider)
    {
        // Both nodes read the same (fake) clock, so the burst can be placed half a second before the minute's end.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 3, 14, 59, 500, TimeSpan.Zero));
        await using var a = await ChannelHost.StartAsync(provider, Limits("node-a"), clock);
        await using var b = new BlueLampHost(new Dictionary<string, string?>(a.Settings) { ["Node:Id"] = "node-b" }, a.DataFolder, clock);
        _ = b.BaseAddress;
        var (_, key) = await MakeKeyAsync(a.Host, "Meta safety team");

        for (var i = 1; i <= PerKey; i++)
            Assert.Equal(HttpStatusCode.Created, (await SendAsync(i % 2 == 0 ? b : a.Host, key, Referral($"edge-{i}"))).StatusCode);

        // A fixed window on the minute would let three more through here, on either node.
        clock.Advance(TimeSpan.FromSeconds(1));
        var afterTheMinute = await SendAsync(b, key, Referral("edge-after"));
        Assert.Equal(HttpStatusCode.TooManyRequests, afterTheMinute.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), afterTheMinute.Headers.RetryAfter!.Delta); // 59.5 s, in whole seconds
        Assert.Contains("NOT recorded", await afterTheMinute.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync(a.Host, "edge-after"));

        // Sent again when it was told to, it gets through.
        clock.Advance(TimeSpan.FromSeconds(59.5));
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(a.Host, key, Referral("edge-retried"))).StatusCode);
        Assert.Equal(1, await StoredAsync(a.Host, "edge-retried"));
    }

    private static Dictionary<string, string?> Limits(string node) => new()
    {
        ["Node:Id"] = node,
        ["Triage:ReferralsPerKeyPerMinute"] = PerKey.ToString(CultureInfo.InvariantCulture),
        ["Triage:FailedReferralAuthenticationsPerMinute"] = FailuresPerAddress.ToString(CultureInfo.InvariantCulture),
    };
}
