using System.Security.Cryptography;
using System.Text;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Forces;
using BlueLamp.Core.Identity;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Demo;

/// <summary>
/// Creates "Demo Constabulary" on first start: two areas, a web-chat account, and one user per role with a
/// generated password, printed once and written to <c>demo-users.txt</c> in the data folder. Later starts find it and do nothing.
/// </summary>
public sealed class DemoForce(
    BlueLampDbFactory dbs,
    AuditTrail audit,
    UserManager<BlueLampUser> users,
    DatabaseSettings settings,
    TimeProvider time)
{
    public const string Slug = "demo";
    public const string Name = "Demo Constabulary";
    public const string EmailDomain = "demo.bluelamp.test";

    /// <summary>Returns the users created with their passwords, or an empty list when the demo force already existed.</summary>
    public async Task<IReadOnlyList<DemoUser>> EnsureAsync(CancellationToken cancellationToken = default)
    {
        await using (var lookup = dbs.Unscoped())
        {
            if (await lookup.Forces.AnyAsync(f => f.Slug == Slug, cancellationToken))
                return [];
        }

        var force = new Force(Guid.CreateVersion7(), Slug, Name, time.GetUtcNow());
        await using (var db = dbs.ForForce(force.Id))
        {
            db.Forces.Add(force);
            db.Areas.Add(new Area(Guid.CreateVersion7(), force.Id, "North Area"));
            db.Areas.Add(new Area(Guid.CreateVersion7(), force.Id, "South Area"));
            db.Accounts.Add(new Account(Guid.CreateVersion7(), force.Id, null, Platform.WebChat, AccountKind.Corporate, Slug, $"{Name} web chat"));
            await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.ForceCreated, null, "BlueLamp (demo set-up)", "force", force.Id.ToString("D"), Name), cancellationToken);
        }

        var created = new List<DemoUser>();
        foreach (var role in Roles.All)
        {
            var email = $"{role.ToLowerInvariant()}@{EmailDomain}";
            var password = NewPassword();
            var user = new BlueLampUser { UserName = email, Email = email, EmailConfirmed = true, ForceId = force.Id, DisplayName = $"Demo {Describe(role)}" };
            Check(await users.CreateAsync(user, password), email);
            Check(await users.AddToRoleAsync(user, role), email);
            created.Add(new DemoUser(role, email, password));
            await using var db = dbs.ForForce(force.Id);
            await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.UserCreated, null, "BlueLamp (demo set-up)", "user", user.Id, $"{email} as {role}"), cancellationToken);
        }

        await WritePasswordFileAsync(created, cancellationToken);
        return created;
    }

    public string PasswordFile => Path.Combine(settings.DataFolder, "demo-users.txt");

    private async Task WritePasswordFileAsync(IReadOnlyList<DemoUser> created, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.DataFolder);
        var text = new StringBuilder();
        text.AppendLine($"# {Name}: demo users created {time.GetUtcNow():u}. Demo data only; never use these accounts for real work.");
        foreach (var u in created)
            text.AppendLine($"{u.Role,-14} {u.Email,-36} {u.Password}");
        await File.WriteAllTextAsync(PasswordFile, text.ToString(), cancellationToken);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static string Describe(string role) => role switch
    {
        Roles.CommsOfficer => "Comms Officer",
        Roles.ControlRoom => "Control Room",
        _ => role,
    };

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create demo user {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }

    /// <summary>16 characters from an alphabet without look-alikes, always with upper, lower and digit.</summary>
    private static string NewPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnopqrstuvwxyz";
        const string digits = "23456789";
        const string all = upper + lower + digits;
        Span<char> chars = stackalloc char[16];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        for (var i = 3; i < chars.Length; i++)
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        RandomNumberGenerator.Shuffle(chars);
        return new string(chars);
    }
}

/// <summary>A demo user and the password generated for it.</summary>
public sealed record DemoUser(string Role, string Email, string Password);
