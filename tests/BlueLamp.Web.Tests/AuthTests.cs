using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Forces;
using BlueLamp.Core.Identity;
using BlueLamp.Data;
using BlueLamp.Data.Identity;
using BlueLamp.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Web.Tests;

public sealed class AuthTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private BlueLampHost Host => fixture.Host;

    private async Task<(string Email, string Password, BlueLampUser User)> NewUserAsync(string role, Guid? forceId = null)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BlueLampUser>>();
        var dbs = scope.ServiceProvider.GetRequiredService<BlueLampDbFactory>();
        if (forceId is null)
        {
            await using var lookup = dbs.Unscoped();
            forceId = (await lookup.Forces.SingleAsync(f => f.Slug == "demo", Ct)).Id;
        }
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.bluelamp.test";
        const string password = "Correct-Horse-42";
        var user = new BlueLampUser { UserName = email, Email = email, ForceId = forceId.Value, DisplayName = $"Test {role}" };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return (email, password, user);
    }

    [Theory]
    [InlineData("/desk")]
    [InlineData("/audit")]
    [InlineData("/")]
    public async Task A_page_asked_for_without_login_sends_to_the_login_page(string page)
    {
        using var client = Host.NewClient();

        var response = await client.GetAsync(page, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_answers_401_without_login_instead_of_redirecting()
    {
        using var client = Host.NewClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/desk/queue", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/audit/export.csv", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_auditor_gets_403_not_data_from_the_desk_api_and_is_turned_away_from_the_desk_page()
    {
        using var auditor = await Host.LoginAsync(Roles.Auditor);

        var api = await auditor.GetAsync("/api/desk/queue", Ct);
        var page = await auditor.GetAsync("/desk", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("", await api.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/AccessDenied", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.CommsOfficer)]
    [InlineData(Roles.Contributor)]
    [InlineData(Roles.ControlRoom)]
    public async Task Only_auditors_and_administrators_may_export_the_audit_trail(string role)
    {
        using var client = await Host.LoginAsync(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit/export.csv", Ct)).StatusCode);
        var page = await client.GetAsync("/audit", Ct);
        Assert.Contains("/Account/AccessDenied", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.CommsOfficer)]
    [InlineData(Roles.Contributor)]
    [InlineData(Roles.ControlRoom)]
    [InlineData(Roles.Administrator)]
    public async Task Roles_outside_the_desk_get_403_from_the_desk_api(string role)
    {
        using var client = await Host.LoginAsync(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/desk/queue", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_operator_reads_the_queue_and_a_supervisor_may_too()
    {
        using var operatorClient = await Host.LoginAsync(Roles.Operator);
        using var supervisor = await Host.LoginAsync(Roles.Supervisor);

        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/api/desk/queue", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/api/desk/queue", Ct)).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_is_refused_and_the_trail_shows_it()
    {
        var (email, password, user) = await NewUserAsync(Roles.Operator);
        using var client = Host.NewClient();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await BlueLampHost.LoginWithAsync(client, email, "not-the-password");
            // A wrong password never signs in: the form comes back, or (on the fifth) the lockout page.
            var signedIn = wrong.StatusCode == HttpStatusCode.Redirect && !wrong.Headers.Location!.OriginalString.Contains("Lockout", StringComparison.Ordinal);
            Assert.False(signedIn);
        }
        var right = await BlueLampHost.LoginWithAsync(client, email, password);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains("Account/Lockout", right.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/desk/queue", Ct)).StatusCode);
        var actions = await AuditActionsForAsync(user.Id);
        Assert.Contains("login.failed", actions);
        Assert.Contains("login.locked_out", actions);
        Assert.DoesNotContain("login.succeeded", actions);
    }

    [Fact]
    public async Task A_user_with_two_factor_on_needs_the_authenticator_code_after_the_password()
    {
        var (email, password, user) = await NewUserAsync(Roles.Operator);
        string key;
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<BlueLampUser>>();
            var stored = await users.FindByIdAsync(user.Id);
            await users.ResetAuthenticatorKeyAsync(stored!);
            key = (await users.GetAuthenticatorKeyAsync(stored!))!;
            await users.SetTwoFactorEnabledAsync(stored!, true);
        }
        using var client = Host.NewClient();

        var afterPassword = await BlueLampHost.LoginWithAsync(client, email, password);
        Assert.Contains("Account/LoginWith2fa", afterPassword.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/desk/queue", Ct)).StatusCode);

        var twoFactorPage = afterPassword.Headers.Location!.OriginalString;
        var token = await BlueLampHost.AntiforgeryTokenAsync(client, twoFactorPage);
        var afterCode = await client.PostAsync(twoFactorPage, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login-with-2fa",
            ["__RequestVerificationToken"] = token,
            ["Input.TwoFactorCode"] = Totp.Code(key, DateTimeOffset.UtcNow),
        }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, afterCode.StatusCode);
        Assert.DoesNotContain("Account/", afterCode.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/desk/queue", Ct)).StatusCode);
        Assert.Contains("login.succeeded", await AuditActionsForAsync(user.Id));
    }

    [Fact]
    public async Task An_operator_of_another_force_sees_none_of_the_demo_forces_conversations()
    {
        using var visitor = Host.NewClient();
        var posted = await (await visitor.PostAsJsonAsync("/api/webchat/demo/messages", new { text = "Demo force only", clientMessageId = "iso-1" }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var demoOperator = await Host.LoginAsync(Roles.Operator);
        var demoQueue = await demoOperator.GetFromJsonAsync<JsonElement>("/api/desk/queue", Ct);
        var demoConversation = demoQueue.EnumerateArray().First(i => i.GetProperty("preview").GetString() == "Demo force only").GetProperty("conversationId").GetGuid();

        var otherForce = await NewForceAsync("other");
        var (email, password, _) = await NewUserAsync(Roles.Operator, otherForce);
        using var other = Host.NewClient();
        await BlueLampHost.LoginWithAsync(other, email, password);

        var otherQueue = await other.GetFromJsonAsync<JsonElement>("/api/desk/queue", Ct);
        Assert.Empty(otherQueue.EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/desk/conversations/{demoConversation}", Ct)).StatusCode);
        var reply = await other.PostAsJsonAsync($"/api/desk/conversations/{demoConversation}/replies", new { text = "cross-force reply" }, Ct);
        Assert.True(reply.StatusCode == HttpStatusCode.NotFound, await reply.Content.ReadAsStringAsync(Ct));
        Assert.NotNull(posted.GetProperty("messageId").GetString());
    }

    private async Task<Guid> NewForceAsync(string slug)
    {
        var dbs = Host.Services.GetRequiredService<BlueLampDbFactory>();
        var force = new Force(Guid.CreateVersion7(), $"{slug}-{Guid.NewGuid():N}"[..20], $"{slug} Police", DateTimeOffset.UtcNow);
        await using var db = dbs.ForForce(force.Id);
        db.Forces.Add(force);
        db.Accounts.Add(new Account(Guid.CreateVersion7(), force.Id, null, Platform.WebChat, AccountKind.Corporate, force.Slug, "chat"));
        await db.SaveChangesAsync(Ct);
        return force.Id;
    }

    private async Task<List<string>> AuditActionsForAsync(string userId)
    {
        var dbs = Host.Services.GetRequiredService<BlueLampDbFactory>();
        await using var lookup = dbs.Unscoped();
        var forceId = (await lookup.Users.SingleAsync(u => u.Id == userId, Ct)).ForceId;
        await using var db = dbs.ForForce(forceId);
        return await db.AuditEvents.Where(e => e.ActorId == userId).Select(e => e.Action).ToListAsync(Ct);
    }
}
