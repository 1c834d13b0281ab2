using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Core.Audit;
using BlueLamp.Data;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Web.Tests.Publishing;

/// <summary>Small steps the publishing tests repeat: the demo accounts, a post body, waiting for a post to go out, the audit.</summary>
internal static class PublishingApi
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<Dictionary<string, Guid>> AccountsAsync(HttpClient client)
    {
        var accounts = await client.GetFromJsonAsync<JsonElement>("/api/posts/accounts", Ct);
        return accounts.EnumerateArray().ToDictionary(a => a.GetProperty("platform").ToString() switch
        {
            "2" => "Facebook",
            "3" => "Instagram",
            "4" => "X",
            "5" => "Bluesky",
            var other => other,
        }, a => a.GetProperty("id").GetGuid());
    }

    /// <summary>
    /// A post with one image by default. X and Bluesky read the image from its address, so a post for them gives the
    /// address of a simulator's sample image (<see cref="SampleImage"/>); Facebook and Instagram only pass the address on.
    /// </summary>
    public static object Post(string body, IEnumerable<Guid> accounts, string purpose = "Prevention", string? welsh = null, string? caseReference = null, bool acknowledge = false, bool image = true,
        string imageUrl = "https://example.test/images/appeal.jpg") => new
    {
        purpose,
        body,
        welshBody = welsh,
        images = image ? new[] { new { url = imageUrl, altText = "A police officer standing beside a marked car" } } : [],
        accountIds = accounts.ToArray(),
        caseReference,
        acknowledgeContemptWarning = acknowledge,
    };

    /// <summary>The address of a simulator's sample image (a PNG of <paramref name="kb"/> KB when given).</summary>
    public static string SampleImage(Uri simulator, int? kb = null) => new Uri(simulator, "simulator/web/images/appeal.png" + (kb is null ? "" : $"?kb={kb}")).ToString();

    public static async Task<Guid> IdOfAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, Guid postId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/posts/{postId}", Ct);

    public static int Status(JsonElement details) => details.GetProperty("post").GetProperty("status").GetInt32();

    /// <summary>Waits (polling, as a person refreshing would) until the post has the status, or fails after 40 s (a loaded 2-core machine is slow).</summary>
    public static async Task<JsonElement> WaitForStatusAsync(HttpClient client, Guid postId, int status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(40);
        while (true)
        {
            var details = await GetAsync(client, postId);
            if (Status(details) == status)
                return details;
            Assert.True(DateTime.UtcNow < deadline, $"Post {postId} is still status {Status(details)}: {details}");
            await Task.Delay(100, Ct);
        }
    }

    /// <summary>Approves the version read and sends it now.</summary>
    public static async Task ApproveAndSendNowAsync(HttpClient comms, Guid postId)
    {
        var version = (await GetAsync(comms, postId)).GetProperty("post").GetProperty("version").GetInt32();
        await IdOfAsync(await comms.PostAsJsonAsync($"/api/posts/{postId}/approve", new { version }, Ct));
        await IdOfAsync(await comms.PostAsJsonAsync($"/api/posts/{postId}/schedule", new { at = (DateTimeOffset?)null }, Ct));
    }

    /// <summary>Records the SIO's approval of an appeal, then approves it, sends it now and waits until it is out.</summary>
    public static async Task<JsonElement> AuthoriseAndSendAsync(HttpClient comms, Guid appealId, string rationale = "The suspect is not identified and the public can help.",
        string riskAssessment = "No one charged; image from CCTV already public.")
    {
        await IdOfAsync(await comms.PostAsJsonAsync($"/api/posts/{appealId}/authorisation", new
        {
            decision = 1, officerName = "DI 4411 Price", officerRole = "SIO", rationale, riskAssessment,
        }, Ct));
        await ApproveAndSendNowAsync(comms, appealId);
        return await WaitForStatusAsync(comms, appealId, 8);
    }

    public static Task<List<string>> AuditDetailsAsync(BlueLampHost host, string action, Guid postId) => AuditDetailsAsync(host, action, postId.ToString("D"));

    public static async Task<List<string>> AuditDetailsAsync(BlueLampHost host, string action, string? subjectId)
    {
        var dbs = host.Services.GetRequiredService<BlueLampDbFactory>();
        await using var lookup = dbs.Unscoped();
        var force = await lookup.Forces.SingleAsync(f => f.Slug == "demo", Ct);
        await using var db = dbs.ForForce(force.Id);
        return await db.AuditEvents.Where(e => e.Action == action && e.SubjectId == subjectId).OrderBy(e => e.Sequence).Select(e => e.Detail ?? "").ToListAsync(Ct);
    }

    public static string[] Errors(JsonElement problem, string field) =>
        problem.GetProperty("errors").TryGetProperty(field, out var messages) ? messages.EnumerateArray().Select(m => m.GetString()!).ToArray() : [];

    public const string Approved = AuditActions.PostApproved;
}
