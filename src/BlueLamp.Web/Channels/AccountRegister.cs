using BlueLamp.Channels.Bluesky;
using BlueLamp.Channels.Common;
using BlueLamp.Channels.Meta;
using BlueLamp.Channels.X;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Audit;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Channels;

/// <summary>
/// The force's register of official accounts, for its administrators: every account with its kind, area, rota and the
/// state of its connection; registering an account, connecting or reconnecting it (the new credentials are tried on
/// the platform first, so a wrong token changes nothing, and a reconnection is followed at once by a reconciliation
/// that backfills whatever arrived while it was broken), changing its rota and retiring it. Every step is audited;
/// credentials are only ever shown as their last characters.
/// </summary>
public sealed class AccountRegister(
    BlueLampDbFactory dbs,
    AuditTrail audit,
    CredentialVault vault,
    ConnectedAccounts connected,
    Reconciliation reconciliation,
    MetaGraphClient meta,
    XApiClient x,
    BlueskyClient bluesky,
    TimeProvider time)
{
    /// <summary>The platforms BlueLamp connects to with credentials (web chat needs none).</summary>
    public static readonly IReadOnlyList<Platform> Connectable = [Platform.Facebook, Platform.Instagram, Platform.X, Platform.Bluesky];

    /// <summary>The register of the administrator's force; the read is audited.</summary>
    public async Task<IReadOnlyList<RegisteredAccount>> ListAsync(DeskUser by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        await using var db = dbs.ForForce(by.ForceId);
        var rows = await (
                from a in db.Accounts.AsNoTracking()
                join c in db.AccountConnections.AsNoTracking() on a.Id equals c.AccountId into connections
                from c in connections.DefaultIfEmpty()
                join ar in db.Areas.AsNoTracking() on a.AreaId equals ar.Id into areas
                from ar in areas.DefaultIfEmpty()
                select new RegisteredAccount(a, c, ar == null ? null : ar.Name))
            .ToListAsync(cancellationToken);
        await audit.SaveWithAuditAsync(db, new AuditEntry(ChannelAuditActions.AccountRegisterViewed, by.UserId, by.DisplayName, "force", by.ForceId.ToString("D"),
            $"{rows.Count} accounts"), cancellationToken);
        return [.. rows.OrderBy(r => r.Account.Status).ThenBy(r => r.Account.DisplayName, StringComparer.CurrentCulture)];
    }

    public async Task<IReadOnlyList<Core.Forces.Area>> AreasAsync(DeskUser by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        await using var db = dbs.ForForce(by.ForceId);
        return await db.Areas.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
    }

    /// <summary>Adds an account to the register (not yet connected). Returns the problem, or null when done.</summary>
    public async Task<RegisterOutcome> RegisterAsync(DeskUser by, AccountRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(registration);
        var handle = registration.Handle?.Trim() ?? "";
        var name = registration.DisplayName?.Trim() ?? "";
        if (handle.Length == 0 || name.Length == 0)
            return RegisterOutcome.Refused("Give the account's handle (page id, @name or DID) and the name staff will know it by.");
        if (handle.Length > AccountConnection.MaxIdLength || name.Length > 200)
            return RegisterOutcome.Refused($"The handle may hold at most {AccountConnection.MaxIdLength} characters and the name 200.");
        await using var db = dbs.ForForce(by.ForceId);
        if (registration.AreaId is { } areaId && !await db.Areas.AnyAsync(a => a.Id == areaId, cancellationToken))
            return RegisterOutcome.Refused("That area is not one of the force's areas.");
        if (await db.Accounts.AnyAsync(a => a.Platform == registration.Platform && a.Handle == handle, cancellationToken))
            return RegisterOutcome.Refused($"{registration.Platform} account {handle} is already in the register.");
        var account = new Account(Guid.CreateVersion7(), by.ForceId, registration.AreaId, registration.Platform, registration.Kind, handle, name);
        if (account.SetMonitoredHours(registration.MonitoredHours) is { } rotaProblem)
            return RegisterOutcome.Refused(rotaProblem);
        db.Accounts.Add(account);
        await audit.SaveWithAuditAsync(db, new AuditEntry(ChannelAuditActions.AccountRegistered, by.UserId, by.DisplayName, "account", account.Id.ToString("D"),
            $"{name} ({registration.Platform} {handle}, {registration.Kind})"), cancellationToken);
        return RegisterOutcome.Done(account.Id, $"{name} is in the register.");
    }

    /// <summary>
    /// Connects an account, or reconnects it with new credentials. The credentials are tried on the platform first:
    /// if it refuses them nothing is stored and the platform's words are returned. Then the account is reconciled at
    /// once, so anything that arrived while it was disconnected reaches the desk.
    /// </summary>
    public async Task<RegisterOutcome> ConnectAsync(DeskUser by, Guid accountId, AccountConnectionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(request);
        Account? account;
        AccountConnection? existing;
        await using (var lookup = dbs.ForForce(by.ForceId))
        {
            account = await lookup.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
            existing = await lookup.AccountConnections.AsNoTracking().SingleOrDefaultAsync(c => c.AccountId == accountId, cancellationToken);
        }
        if (account is null)
            return RegisterOutcome.Refused("There is no such account in the force's register.");
        if (account.Status == AccountStatus.Retired)
            return RegisterOutcome.Refused("The account is retired; register it again to bring it back.");
        if (!Connectable.Contains(account.Platform))
            return RegisterOutcome.Refused($"{account.Platform} accounts need no credentials.");
        var platformAccountId = existing?.PlatformAccountId ?? request.PlatformAccountId?.Trim() ?? "";
        if (platformAccountId.Length is 0 or > AccountConnection.MaxIdLength)
            return RegisterOutcome.Refused("Give the account's id on the platform (Facebook page id, Instagram account id, X user id or Bluesky DID).");
        var credentials = Trimmed(request.Credentials);
        if (MissingFor(account.Platform, credentials) is { } missing)
            return RegisterOutcome.Refused(missing);
        if (request.ExpiresAt is { } expires && expires <= time.GetUtcNow())
            return RegisterOutcome.Refused("The expiry date is in the past: those credentials no longer work.");

        var candidate = new ConnectedAccount(account.Id, by.ForceId, account.Platform, platformAccountId, account.DisplayName, credentials);
        if (await TryAsync(candidate, cancellationToken) is { } refused)
            return RegisterOutcome.Refused($"{account.Platform} did not accept these credentials, so nothing was changed: {refused.Error}");

        var now = time.GetUtcNow();
        var protectedCredentials = vault.Protect(credentials);
        await using (var db = dbs.ForForce(by.ForceId))
        {
            var connection = await db.AccountConnections.SingleOrDefaultAsync(c => c.AccountId == accountId, cancellationToken);
            string action;
            if (connection is null)
            {
                db.AccountConnections.Add(new AccountConnection(account.Id, by.ForceId, account.Platform, platformAccountId, protectedCredentials, credentials.Hint(), request.ExpiresAt, now));
                action = ChannelAuditActions.AccountConnected;
            }
            else
            {
                connection.Reconnect(protectedCredentials, credentials.Hint(), request.ExpiresAt, now);
                action = ChannelAuditActions.AccountReconnected;
            }
            try
            {
                await audit.SaveWithAuditAsync(db, new AuditEntry(action, by.UserId, by.DisplayName, "account", account.Id.ToString("D"),
                    $"{account.DisplayName} ({account.Platform} {platformAccountId}): {credentials.Hint()}" + (request.ExpiresAt is { } e ? $", expires {e:yyyy-MM-dd}" : "")), cancellationToken);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                return RegisterOutcome.Refused($"Another account of a force is already connected as {account.Platform} {platformAccountId}.");
            }
        }
        connected.Invalidate();
        var backfilled = 0;
        if (await connected.GetAsync(account.Id, cancellationToken) is { } nowConnected)
            backfilled = await reconciliation.ReconcileAsync(nowConnected, cancellationToken);
        return RegisterOutcome.Done(account.Id, $"{account.DisplayName} is connected" +
            (backfilled > 0 ? $"; {backfilled} messages that arrived while it was not were brought to the desk." : "; nothing was missing."));
    }

    public async Task<RegisterOutcome> SetRotaAsync(DeskUser by, Guid accountId, string? rota, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        await using var db = dbs.ForForce(by.ForceId);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
            return RegisterOutcome.Refused("There is no such account in the force's register.");
        var before = account.Hours.Text;
        if (account.SetMonitoredHours(rota) is { } problem)
            return RegisterOutcome.Refused(problem);
        await audit.SaveWithAuditAsync(db, new AuditEntry(ChannelAuditActions.AccountRotaChanged, by.UserId, by.DisplayName, "account", account.Id.ToString("D"),
            $"{account.DisplayName}: {before} → {account.Hours.Text}"), cancellationToken);
        return RegisterOutcome.Done(account.Id, $"{account.DisplayName} is monitored {account.Hours.Text}.");
    }

    public async Task<RegisterOutcome> RetireAsync(DeskUser by, Guid accountId, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (string.IsNullOrWhiteSpace(reason))
            return RegisterOutcome.Refused("Say why the account is retired (for example, merged into the force's main account).");
        await using var db = dbs.ForForce(by.ForceId);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
            return RegisterOutcome.Refused("There is no such account in the force's register.");
        if (!account.Retire())
            return RegisterOutcome.Refused($"{account.DisplayName} is already retired.");
        await audit.SaveWithAuditAsync(db, new AuditEntry(ChannelAuditActions.AccountRetired, by.UserId, by.DisplayName, "account", account.Id.ToString("D"),
            $"{account.DisplayName}: {reason.Trim()}"), cancellationToken);
        connected.Invalidate();
        return RegisterOutcome.Done(account.Id, $"{account.DisplayName} is retired: BlueLamp no longer reads or answers it.");
    }

    /// <summary>One cheap read with the candidate credentials; the platform's refusal, or null when they work.</summary>
    private async Task<PlatformFailure?> TryAsync(ConnectedAccount candidate, CancellationToken cancellationToken) => candidate.Platform switch
    {
        Platform.Facebook or Platform.Instagram => (await meta.ListRecentMessagesAsync(candidate.Meta(), conversations: 1, messagesEach: 1, cancellationToken)).Failure,
        Platform.X => (await x.GetMentionsAsync(candidate.X(), sinceId: null, cancellationToken: cancellationToken)).Failure,
        Platform.Bluesky => (await bluesky.ListNotificationsAsync(candidate.Bluesky(), cancellationToken: cancellationToken)).Failure,
        _ => PlatformFailure.Refused($"{candidate.Platform} accounts cannot be connected."),
    };

    private static AccountCredentials Trimmed(AccountCredentials? c) => new(
        Blank(c?.AccessToken), Blank(c?.AppSecret), Blank(c?.VerifyToken), Blank(c?.ConsumerSecret), Blank(c?.Identifier), Blank(c?.AppPassword));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>What the platform needs that is missing, in words; null when nothing is.</summary>
    public static string? MissingFor(Platform platform, AccountCredentials c) => platform switch
    {
        Platform.Facebook or Platform.Instagram when c.AccessToken is null || c.AppSecret is null || c.VerifyToken is null =>
            "Meta accounts need the page (or Instagram) access token, the app secret that signs webhooks, and the webhook verify token.",
        Platform.X when c.AccessToken is null || c.ConsumerSecret is null =>
            "X accounts need the user access token and the app's consumer secret (it signs webhooks and the CRC check).",
        Platform.Bluesky when c.Identifier is null || c.AppPassword is null =>
            "Bluesky accounts need the handle or DID and an app password (Settings → App passwords, never the account password).",
        _ => null,
    };
}

/// <summary>One row of the register: the account, its connection if it has one, and its area's name.</summary>
public sealed record RegisteredAccount(Account Account, AccountConnection? Connection, string? AreaName);

public sealed record AccountRegistration(Platform Platform, AccountKind Kind, string? Handle, string? DisplayName, Guid? AreaId, string? MonitoredHours);

public sealed record AccountConnectionRequest(string? PlatformAccountId, AccountCredentials? Credentials, DateTimeOffset? ExpiresAt);

/// <summary>What a change to the register came to, in words for the administrator.</summary>
public sealed record RegisterOutcome(bool Succeeded, Guid? AccountId, string Message)
{
    public static RegisterOutcome Done(Guid accountId, string message) => new(true, accountId, message);

    public static RegisterOutcome Refused(string problem) => new(false, null, problem);
}
