using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Identity;
using static BlueLamp.Web.Tests.Publishing.PublishingApi;

namespace BlueLamp.Web.Tests.Publishing;

/// <summary>The posting-rights register over real HTTP: who may see and change it, the audit, and what direct posting changes.</summary>
public sealed class PostingRightsTests(PublishingFixture fixture) : IClassFixture<PublishingFixture>
{
    private const int Submitted = 2, Approved = 3;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_administrators_and_comms_officers_see_and_change_posting_rights()
    {
        foreach (var role in new[] { Roles.Operator, Roles.Contributor, Roles.Supervisor, Roles.Auditor })
        {
            using var client = await fixture.Host.LoginAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/posting-rights", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/admin/posting-rights/anyone", new { mayPostDirectly = true }, Ct)).StatusCode);
        }
        using var admin = await fixture.Host.LoginAsync(Roles.Administrator);
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/admin/posting-rights", Ct);
        var contributor = Assert.Single(list.EnumerateArray());
        Assert.True(contributor.GetProperty("registered").GetBoolean());
        Assert.Equal("North Area", contributor.GetProperty("areaName").GetString());
        Assert.Equal(4, contributor.GetProperty("ownAccounts").GetArrayLength() + contributor.GetProperty("areaAccounts").GetArrayLength());
        Assert.False(contributor.GetProperty("mayPostDirectly").GetBoolean());

        var unknown = await admin.PostAsJsonAsync("/api/admin/posting-rights/not-a-user", new { mayPostDirectly = true }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains(Errors(await unknown.Content.ReadFromJsonAsync<JsonElement>(Ct), "mayPostDirectly"), m => m.Contains("not a contributor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Granting_direct_posting_lets_a_contributors_post_skip_approval_until_it_is_revoked_and_both_are_audited()
    {
        using var comms = await fixture.Host.LoginAsync(Roles.CommsOfficer);
        using var contributor = await fixture.Host.LoginAsync(Roles.Contributor);
        var accounts = await AccountsAsync(contributor);
        var userId = (await comms.GetFromJsonAsync<JsonElement>("/api/admin/posting-rights", Ct)).EnumerateArray().Single().GetProperty("userId").GetString()!;

        var before = await IdOfAsync(await contributor.PostAsJsonAsync("/api/posts/submit", Post("Bike marking at Malpas library on Saturday from 10am.", [accounts["Facebook"]], "Event"), Ct));
        Assert.Equal(Submitted, Status(await GetAsync(comms, before)));

        Assert.Equal(HttpStatusCode.OK, (await comms.PostAsJsonAsync($"/api/admin/posting-rights/{userId}", new { mayPostDirectly = true }, Ct)).StatusCode);
        var again = await comms.PostAsJsonAsync($"/api/admin/posting-rights/{userId}", new { mayPostDirectly = true }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var granted = await contributor.PostAsJsonAsync("/api/posts/submit", Post("Bike marking at Malpas library moved to 11am.", [accounts["Facebook"]], "Event"), Ct);
        Assert.Equal(Approved, Status(await GetAsync(comms, await IdOfAsync(granted))));

        Assert.Equal(HttpStatusCode.OK, (await comms.PostAsJsonAsync($"/api/admin/posting-rights/{userId}", new { mayPostDirectly = false }, Ct)).StatusCode);
        var after = await IdOfAsync(await contributor.PostAsJsonAsync("/api/posts/submit", Post("Bike marking at Malpas library: bring proof of ownership.", [accounts["Facebook"]], "Event"), Ct));
        Assert.Equal(Submitted, Status(await GetAsync(comms, after)));

        // After the demo's own registration of the contributor: the grant, then the revocation.
        var trail = (await AuditDetailsAsync(fixture.Host, AuditActions.PostingRightsChanged, userId)).Where(d => d.StartsWith("direct posting", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, trail.Count);
        Assert.StartsWith("direct posting granted", trail[0], StringComparison.Ordinal);
        Assert.StartsWith("direct posting revoked", trail[1], StringComparison.Ordinal);
    }
}
