using System.Security.Cryptography;
using System.Text;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Contact;
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

    /// <summary>Gives the demo force a starter set of reply templates in English and Welsh, once.</summary>
    public async Task EnsureTemplatesAsync(CancellationToken cancellationToken = default)
    {
        Guid forceId;
        await using (var lookup = dbs.Unscoped())
        {
            var force = await lookup.Forces.AsNoTracking().SingleOrDefaultAsync(f => f.Slug == Slug, cancellationToken);
            if (force is null)
                return;
            forceId = force.Id;
        }
        await using var db = dbs.ForForce(forceId);
        if (await db.ReplyTemplates.AnyAsync(cancellationToken))
            return;
        foreach (var (title, language, body) in DemoTemplates)
            db.ReplyTemplates.Add(new ReplyTemplate(Guid.CreateVersion7(), forceId, title, language, body));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Registers the demo force's Facebook, Instagram, X and Bluesky accounts and connects them (credentials already
    /// encrypted), once each: an account that exists already is left as it is.
    /// </summary>
    public async Task EnsureChannelAccountsAsync(IReadOnlyList<BlueLamp.Web.Channels.DemoChannelAccount> channels, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channels);
        Guid forceId;
        await using (var lookup = dbs.Unscoped())
        {
            var force = await lookup.Forces.AsNoTracking().SingleOrDefaultAsync(f => f.Slug == Slug, cancellationToken);
            if (force is null)
                return;
            forceId = force.Id;
        }
        foreach (var channel in channels)
        {
            await using var db = dbs.ForForce(forceId);
            if (await db.Accounts.AnyAsync(a => a.Platform == channel.Platform && a.Handle == channel.PlatformAccountId, cancellationToken))
                continue;
            var now = time.GetUtcNow();
            var account = new Account(Guid.CreateVersion7(), forceId, null, channel.Platform, AccountKind.Corporate, channel.PlatformAccountId, channel.DisplayName);
            db.Accounts.Add(account);
            db.AccountConnections.Add(new AccountConnection(account.Id, forceId, channel.Platform, channel.PlatformAccountId,
                channel.ProtectedCredentials, channel.CredentialsHint, channel.CredentialsExpireAt, now));
            await audit.SaveWithAuditAsync(db, new AuditEntry(BlueLamp.Web.Channels.ChannelAuditActions.AccountConnected, null, "BlueLamp (demo set-up)",
                "account", account.Id.ToString("D"), $"{channel.DisplayName} ({channel.Platform} {channel.PlatformAccountId}): {channel.CredentialsHint}"), cancellationToken);
        }
    }

    private static readonly (string Title, string Language, string Body)[] DemoTemplates =
    [
        ("Acknowledge", "en", "Hello {name}, thank you for contacting {force}. We have read your message and are looking into it. If you or anyone else is in danger now, please call 999."),
        ("Report a crime online", "en", "Thank you. You can report this crime online at our website, or by calling 101. If you have a reference number, please keep it: {reference}."),
        ("Emergency: call 999", "en", "If you or someone else is in immediate danger, please call 999 now. If you cannot speak, call 999 and press 55 when prompted."),
        ("Passed to officers", "en", "Thank you for the information. It has been passed to the officers dealing with this (reference {reference})."),
        ("Closing", "en", "Thank you for getting in touch with {force}. We will close this conversation now; message us again at any time."),
        ("Cydnabod", "cy", "Helo {name}, diolch am gysylltu â {force}. Rydym wedi darllen eich neges ac yn edrych i mewn iddi. Os ydych chi neu unrhyw un arall mewn perygl nawr, ffoniwch 999."),
        ("Argyfwng: ffoniwch 999", "cy", "Os ydych chi neu rywun arall mewn perygl uniongyrchol, ffoniwch 999 nawr. Os na allwch siarad, ffoniwch 999 a phwyso 55 pan ofynnir i chi."),
        ("Adrodd trosedd ar-lein", "cy", "Diolch. Gallwch adrodd am y drosedd hon ar-lein ar ein gwefan, neu drwy ffonio 101. Os oes gennych gyfeirnod, cadwch ef: {reference}."),
    ];

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
