using System.Net;
using BlueLamp.Web.Tests.Hosting;

namespace BlueLamp.Web.Tests;

public sealed class SmokeTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Healthz_answers_200_when_the_database_is_reachable()
    {
        using var client = fixture.Host.NewClient();

        var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
