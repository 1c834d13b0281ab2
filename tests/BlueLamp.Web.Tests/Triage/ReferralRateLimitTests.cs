using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Web.Tests.Hosting;
using static BlueLamp.Web.Tests.Triage.ReferralSender;

namespace BlueLamp.Web.Tests.Triage;

/// <summary>The referral endpoint's rate limits, over real HTTP: per API key, and per address for failed keys. A refused referral is never silently dropped.</summary>
public sealed class ReferralRateLimitTests : IAsyncLifetime
{
    private const int PerKey = 3;
    private const int FailuresPerAddress = 2;

    private readonly BlueLampHost host = new(new Dictionary<string, string?>
    {
        ["Triage:ReferralsPerKeyPerMinute"] = PerKey.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Triage:FailedReferralAuthenticationsPerMinute"] = FailuresPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _ = host.BaseAddress;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_key_over_its_limit_is_refused_with_429_and_Retry_After_and_stores_nothing_while_another_key_still_gets_through()
    {
        var (_, busy) = await MakeKeyAsync(host, "Runaway partner");
        var (_, other) = await MakeKeyAsync(host, "Meta safety team");
        for (var i = 1; i <= PerKey; i++)
            Assert.Equal(HttpStatusCode.Created, (await SendAsync(host, busy, Referral($"within-limit-{i}"))).StatusCode);

        var refused = await SendAsync(host, busy, Referral("over-limit-1"));
        var otherKey = await SendAsync(host, other, Referral("other-key-1"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var wait = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(wait);
        Assert.InRange(wait.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(61)); // a minute after the first count, and its one-second bucket
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("NOT recorded", problem.GetProperty("errors").GetProperty("referral")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync(host, "over-limit-1"));
        Assert.Equal(1, await StoredAsync(host, "within-limit-3"));
        Assert.Equal(HttpStatusCode.Created, otherKey.StatusCode);
    }

    [Fact]
    public async Task Repeated_wrong_keys_from_one_address_get_429_but_a_valid_key_from_it_is_still_accepted()
    {
        var (_, key) = await MakeKeyAsync(host, "X trust and safety");
        for (var i = 1; i <= FailuresPerAddress; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(host, $"blr_guess{i}", Referral($"guess-{i}"))).StatusCode);

        var guessing = await SendAsync(host, "blr_guess-again", Referral("guess-again"));
        var noKey = await SendAsync(host, null, Referral("no-key-again"));
        var valid = await SendAsync(host, key, Referral("valid-after-guesses"));

        Assert.Equal(HttpStatusCode.TooManyRequests, guessing.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, noKey.StatusCode);
        Assert.NotNull(guessing.Headers.RetryAfter?.Delta);
        Assert.Contains("NOT recorded", await guessing.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync(host, "guess-again"));
        Assert.Equal(HttpStatusCode.Created, valid.StatusCode);
        Assert.Equal(1, await StoredAsync(host, "valid-after-guesses"));
    }
}
