using BlueLamp.Channels.Bluesky;
using BlueLamp.Channels.Meta;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Audit;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Web.Channels;
using BlueLamp.Web.Desk;
using BlueLamp.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Settings;

/// <summary>
/// Each account's profile line about its monitored hours (see <see cref="ProfileText"/>), in English and Welsh, and
/// pushing it to the platform where its API allows: a Facebook Page's about text, a Bluesky profile description.
/// X and Instagram bios cannot be set through the APIs BlueLamp uses, so their text is shown to copy. Audited.
/// </summary>
public sealed class AccountProfiles(BlueLampDbFactory dbs, AuditTrail audit, ConnectedAccounts accounts, MetaGraphClient meta, BlueskyClient bluesky)
{
    /// <summary>Why BlueLamp cannot set the profile on this platform, or null when it can.</summary>
    public static string? WhyNotPushed(Platform platform) => platform switch
    {
        Platform.Facebook or Platform.Bluesky => null,
        Platform.X => "X's API as BlueLamp uses it cannot change the bio: copy the text into the account's profile on X.",
        Platform.Instagram => "Instagram does not let an app change the bio: copy the text into the account's profile in Instagram.",
        _ => "Web chat has no profile: the chat page itself says when it is monitored.",
    };

    public async Task<IReadOnlyList<AccountProfileView>> ListAsync(DeskUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        var all = await db.Accounts.AsNoTracking().Where(a => a.Platform != Platform.WebChat).OrderBy(a => a.Platform).ThenBy(a => a.DisplayName).ToListAsync(cancellationToken);
        await audit.SaveWithAuditAsync(db, new AuditEntry(SettingsAuditActions.SettingsViewed, user.UserId, user.DisplayName, "force", user.ForceId.ToString("D"),
            $"account profile texts ({all.Count} accounts)"), cancellationToken);
        return all.Select(View).ToList();
    }

    /// <summary>Sets the account's profile text on the platform, in "en" or "cy"; refused, with why, where the platform does not allow it.</summary>
    public async Task<DeskResult> PushAsync(DeskUser user, Guid accountId, string? language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (language is not ("en" or "cy"))
            return DeskResult.Refused("Choose English (en) or Welsh (cy).", "language");
        await using var db = dbs.ForForce(user.ForceId);
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
            return DeskResult.Missing();
        if (WhyNotPushed(account.Platform) is { } unsupported)
            return DeskResult.Refused(unsupported, "language");
        if (await accounts.GetAsync(accountId, cancellationToken) is not { } connected)
            return DeskResult.Refused($"This {account.Platform} account is not connected to BlueLamp, so its profile cannot be changed from here.", "language");
        var text = ProfileText.For(account.Hours, account.Platform, language)!;
        var result = account.Platform == Platform.Facebook
            ? await meta.SetPageAboutAsync(connected.Meta(), text, cancellationToken)
            : await bluesky.SetProfileDescriptionAsync(connected.Bluesky(), text, cancellationToken);
        if (result.Failure is { } failure)
        {
            if (failure.NeedsReconnect)
                await accounts.ReportFailureAsync(connected, failure, cancellationToken);
            return DeskResult.Refused($"{account.Platform} did not take the profile text: {failure.Error}", "language");
        }
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.ProfileTextPushed, user.UserId, user.DisplayName, "account", accountId.ToString("D"),
            $"{account.Platform} profile set ({language}, rota {account.Hours.Text}): {text}"), cancellationToken);
        return DeskResult.Done(accountId);
    }

    private static AccountProfileView View(Account account) => new(account.Id, account.Platform, account.DisplayName, account.Hours.Text,
        ProfileText.For(account.Hours, account.Platform, "en")!, ProfileText.For(account.Hours, account.Platform, "cy")!,
        ProfileText.Limit(account.Platform)!.Value, WhyNotPushed(account.Platform));
}

/// <summary>An account's profile line as the settings page shows it.</summary>
public sealed record AccountProfileView(Guid AccountId, Platform Platform, string AccountName, string Rota, string English, string Welsh, int Limit, string? CannotPush);
