using BlueLamp.Web.Background;
using BlueLamp.Web.Channels;
using BlueLamp.Web.Tests.Channels;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Web.Tests.Background;

/// <summary>Two BlueLamp nodes on one PostgreSQL: each recurring job runs on one of them, and moves when its holder stops or lapses.</summary>
public sealed class JobLeaseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_nodes_run_each_job_once_and_a_released_or_lapsed_lease_moves_to_the_other_node()
    {
        await using var nodes = await TwoNodes.StartAsync(Ct);
        Assert.SkipWhen(nodes is null, "BLUELAMP_TEST_POSTGRES is not set (./test.sh sets it).");
        var (nodeA, nodeB) = (nodes!.A, nodes.B);

        // Both nodes start their reconciliation at once; one holds the job, the other skips it.
        var runs = new[] { nodeA, nodeB }.Select(n => n.Services.GetRequiredService<Reconciliation>()).ToArray();
        await Eventually.GetAsync(() => Task.FromResult(runs.Sum(r => r.CompletedRuns)), n => n >= 1, "a start-up reconciliation");
        await Task.Delay(1_000, Ct);
        Assert.Equal(1, runs.Sum(r => r.CompletedRuns));

        var a = nodeA.Services.GetRequiredService<JobLeases>();
        var b = nodeB.Services.GetRequiredService<JobLeases>();
        Assert.Equal("node-a", a.NodeId);
        Assert.True(await a.TryHoldAsync("test.job", TimeSpan.FromMinutes(1), Ct));
        Assert.False(await b.TryHoldAsync("test.job", TimeSpan.FromMinutes(1), Ct));
        Assert.True(await a.TryHoldAsync("test.job", TimeSpan.FromMinutes(1), Ct));

        // A clean stop releases: the other node takes the job at once.
        await a.ReleaseAllAsync(Ct);
        Assert.True(await b.TryHoldAsync("test.job", TimeSpan.FromMinutes(1), Ct));
        Assert.False(await a.TryHoldAsync("test.job", TimeSpan.FromMinutes(1), Ct));

        // A node that dies stops renewing: once its lease lapses, the other takes over.
        Assert.True(await b.TryHoldAsync("test.lapse", TimeSpan.FromMilliseconds(300), Ct));
        Assert.False(await a.TryHoldAsync("test.lapse", TimeSpan.FromMinutes(1), Ct));
        await Task.Delay(600, Ct);
        Assert.True(await a.TryHoldAsync("test.lapse", TimeSpan.FromMinutes(1), Ct));
        Assert.False(await b.TryHoldAsync("test.lapse", TimeSpan.FromMinutes(1), Ct));

        // Racing for a lease nobody has taken yet: exactly one wins.
        var race = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? a : b).TryHoldAsync("test.race", TimeSpan.FromMinutes(1), Ct)));
        var winners = Enumerable.Range(0, 10).Where(i => race[i]).Select(i => i % 2).Distinct().ToList();
        Assert.Single(winners);
    }
}
