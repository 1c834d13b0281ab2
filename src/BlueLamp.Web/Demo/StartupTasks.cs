using BlueLamp.Core.Identity;
using BlueLamp.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Demo;

/// <summary>What runs before BlueLamp takes its first request: migrate, ensure the roles, and the demo force.</summary>
public static class StartupTasks
{
    public static async Task PrepareAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        // Production may migrate as a separate deployment step (Database:MigrateOnStart=false); BlueLamp then
        // starts without touching the schema and /healthz tells whether the database is there.
        if (!app.Configuration.GetValue("Database:MigrateOnStart", defaultValue: true))
            return;
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }

        if (!services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
            return;
        var demo = services.GetRequiredService<DemoForce>();
        var created = await demo.EnsureAsync();
        await demo.EnsureTemplatesAsync();
        await demo.EnsureChannelAccountsAsync(services.GetRequiredService<BlueLamp.Web.Channels.DemoChannels>().Accounts());
        await services.GetRequiredService<Publishing.DemoPublishing>().EnsureAsync();
        await services.GetRequiredService<Triage.DemoCommandAndControl>().EnsureLinkAsync(BlueLamp.Web.Channels.DemoSelfAddress.FromUrls(app.Configuration["Urls"]));
        if (created.Count > 0)
        {
            // Straight to the console, not the logging pipeline: these passwords must not end up in log storage.
            Console.WriteLine();
            Console.WriteLine($"Created the demo force \"{DemoForce.Name}\" with one user per role:");
            foreach (var user in created)
                Console.WriteLine($"  {user.Role,-14} {user.Email,-36} {user.Password}");
            Console.WriteLine($"These passwords are also in {demo.PasswordFile}");
            Console.WriteLine();
        }

        var lifetime = app.Lifetime;
        lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Urls.FirstOrDefault() ?? "http://localhost:5080";
            Console.WriteLine($"BlueLamp is running. Log in at {address}/Account/Login (demo passwords: {demo.PasswordFile})");
            Console.WriteLine($"The public web chat of the demo force is at {address}/chat/{DemoForce.Slug}");
        });
    }
}
