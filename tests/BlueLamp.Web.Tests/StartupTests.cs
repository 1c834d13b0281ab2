using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Core.Identity;
using BlueLamp.Data;
using BlueLamp.Data.Identity;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Web.Tests;

public sealed class StartupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_first_start_creates_the_demo_force_and_one_user_per_role_and_a_second_start_reuses_them()
    {
        var folder = Directory.CreateTempSubdirectory("bluelamp-restart-").FullName;
        try
        {
            string firstFile;
            await using (var first = new BlueLampHost(dataFolder: folder))
            {
                var users = first.DemoUsers();
                Assert.Equal(Roles.All.Order(), users.Keys.Order());
                firstFile = await File.ReadAllTextAsync(Path.Combine(folder, "demo-users.txt"), Ct);
                Assert.True(File.Exists(Path.Combine(folder, "bluelamp.db")));
            }

            await using var second = new BlueLampHost(dataFolder: folder);
            _ = second.BaseAddress;
            var dbs = second.Services.GetRequiredService<BlueLampDbFactory>();
            await using var db = dbs.Unscoped();
            Assert.Equal(1, await db.Forces.CountAsync(Ct));
            Assert.Equal(Roles.All.Count, await db.Users.CountAsync(Ct));
            Assert.Equal(firstFile, await File.ReadAllTextAsync(Path.Combine(folder, "demo-users.txt"), Ct));
            // The passwords printed the first time still work after the restart.
            using var client = await second.LoginAsync(Roles.Operator);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/desk/queue", Ct)).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Healthz_answers_503_when_the_database_cannot_be_reached()
    {
        await using var host = new BlueLampHost(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:BlueLamp"] = "Host=127.0.0.1;Port=1;Database=nowhere;Username=nobody;Timeout=2",
            ["Database:MigrateOnStart"] = "false",
        });
        using var client = host.NewClient();

        var response = await client.GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Unhealthy", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_export_shows_who_opened_and_who_answered_a_conversation_and_the_chain_verifies()
    {
        await using var host = new BlueLampHost();
        using var visitor = host.NewClient();
        var posted = await (await visitor.PostAsJsonAsync("/api/webchat/demo/messages", new { text = "My neighbour's door has been kicked in", clientMessageId = "a-1" }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var operatorClient = await host.LoginAsync(Roles.Operator);
        var queue = await operatorClient.GetFromJsonAsync<JsonElement>("/api/desk/queue", Ct);
        var conversationId = queue.EnumerateArray().Single().GetProperty("conversationId").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync($"/api/desk/conversations/{conversationId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await operatorClient.PostAsJsonAsync($"/api/desk/conversations/{conversationId}/replies", new { text = "Thank you, officers are aware." }, Ct)).StatusCode);

        using var auditor = await host.LoginAsync(Roles.Auditor);
        var csv = await auditor.GetStringAsync("/api/audit/export.csv", Ct);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("\"conversation.opened\"", StringComparison.Ordinal) && l.Contains("\"Demo Operator\"", StringComparison.Ordinal) && l.Contains(conversationId.ToString(), StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"conversation.replied\"", StringComparison.Ordinal) && l.Contains("\"Demo Operator\"", StringComparison.Ordinal) && l.Contains(conversationId.ToString(), StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"login.succeeded\"", StringComparison.Ordinal) && l.Contains("\"Demo Auditor\"", StringComparison.Ordinal));
        Assert.NotNull(posted.GetProperty("visitorToken").GetString());

        var output = new StringWriter();
        var exit = await BlueLamp.Cli.CliApp.RunAsync(["audit", "verify"], output, new StringWriter(),
            new Dictionary<string, string?> { [DatabaseSettings.DataFolderKey] = host.DataFolder });
        Assert.Equal(0, exit);
        Assert.StartsWith("force 'demo'", output.ToString(), StringComparison.Ordinal);
    }
}
