using System.Net;
using BlueLamp.Web.Channels;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Web.Tests.Background;

/// <summary>Two nodes with their own data folders on one PostgreSQL read one Data Protection key ring, kept in the database.</summary>
public sealed class SharedKeyRingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Credentials_stored_and_a_login_made_on_node_A_are_readable_and_valid_on_node_B()
    {
        await using var nodes = await TwoNodes.StartAsync(Ct);
        Assert.SkipWhen(nodes is null, "BLUELAMP_TEST_POSTGRES is not set (./test.sh sets it).");
        Assert.NotEqual(nodes!.A.DataFolder, nodes.B.DataFolder);
        Assert.False(Directory.Exists(Path.Combine(nodes.A.DataFolder, "keys")), "on PostgreSQL the key ring lives in the database");

        // Node A seeded the demo accounts and encrypted their credentials; node B decrypts every one.
        var onB = await nodes.B.Services.GetRequiredService<ConnectedAccounts>().AllAsync(Ct);
        Assert.Equal(4, onB.Count);
        Assert.All(onB, a => Assert.False(string.IsNullOrEmpty(a.Credentials.AccessToken ?? a.Credentials.AppPassword)));

        // A login cookie issued by node A is accepted by node B (a load balancer may send the next request anywhere).
        var (email, password) = nodes.A.DemoUsers()["Operator"];
        using var browser = nodes.A.NewClient();
        var login = await BlueLampHost.LoginWithAsync(browser, email, password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        // Cookies are kept per host name, not per port: the same client sends node A's cookie to node B.
        var onNodeB = await browser.GetAsync(new Uri(nodes.B.BaseAddress, "/api/desk/queue"), Ct);
        Assert.Equal(HttpStatusCode.OK, onNodeB.StatusCode);
        using var stranger = nodes.B.NewClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/desk/queue", Ct)).StatusCode);
    }
}
