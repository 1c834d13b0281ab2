using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Accounts;

/// <summary>
/// How BlueLamp reaches one of the force's platform accounts: its id on the platform, its encrypted credentials
/// (never readable here: only the web host holds the key), when they expire, whether the platform has refused them,
/// when the account last brought an event, and where polling has got to.
/// </summary>
public sealed class AccountConnection : IForceOwned
{
    /// <summary>The longest platform id, cursor or marker kept.</summary>
    public const int MaxIdLength = 300;

    private AccountConnection() { PlatformAccountId = ""; ProtectedCredentials = ""; CredentialsHint = ""; }

    public AccountConnection(Guid accountId, Guid forceId, Platform platform, string platformAccountId,
        string protectedCredentials, string credentialsHint, DateTimeOffset? credentialsExpireAt, DateTimeOffset connectedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(platformAccountId);
        ArgumentException.ThrowIfNullOrWhiteSpace(protectedCredentials);
        AccountId = accountId;
        ForceId = forceId;
        Platform = platform;
        PlatformAccountId = platformAccountId.Trim();
        ProtectedCredentials = protectedCredentials;
        CredentialsHint = credentialsHint;
        CredentialsExpireAt = credentialsExpireAt;
        ConnectedAt = connectedAt;
    }

    public Guid AccountId { get; private set; }

    public Guid ForceId { get; private set; }

    public Platform Platform { get; private set; }

    /// <summary>The account's own id on the platform: page id, Instagram account id, X user id, Bluesky DID. Webhooks are routed by it.</summary>
    public string PlatformAccountId { get; private set; }

    /// <summary>The credentials, encrypted with ASP.NET Core Data Protection by the web host.</summary>
    public string ProtectedCredentials { get; private set; }

    /// <summary>What may be shown of the credentials: the last few characters of each secret, never more.</summary>
    public string CredentialsHint { get; private set; }

    public DateTimeOffset? CredentialsExpireAt { get; private set; }

    public DateTimeOffset ConnectedAt { get; private set; }

    /// <summary>True when the platform refused the credentials: an administrator must reconnect the account.</summary>
    public bool NeedsReconnect { get; private set; }

    /// <summary>The platform's words when it refused the credentials, or why the last check of the account failed.</summary>
    public string? Problem { get; private set; }

    public DateTimeOffset? ProblemSince { get; private set; }

    /// <summary>When an event (message, comment, mention) from this account last reached BlueLamp, by any route.</summary>
    public DateTimeOffset? LastEventAt { get; private set; }

    /// <summary>When BlueLamp last compared the account with the platform's own lists and found them read.</summary>
    public DateTimeOffset? LastReconciledAt { get; private set; }

    /// <summary>Where polling has got to: X's since_id, or the newest Bluesky notification already seen.</summary>
    public string? PollMarker { get; private set; }

    public DateTimeOffset? PollMarkerAt { get; private set; }

    /// <summary>Bluesky chat: the newest chat message already seen (the poller reads convos whose last message is newer).</summary>
    public string? ChatMarker { get; private set; }

    /// <summary>
    /// Why the account's private messages cannot be read back from the platform (X: DM access refused or withdrawn),
    /// while the rest of the account works. Null when they were last read. Shown on the desk: DMs may be missing.
    /// </summary>
    public string? DirectMessagesProblem { get; private set; }

    public DateTimeOffset? DirectMessagesProblemSince { get; private set; }

    /// <summary>New credentials from an administrator: whatever was wrong with the old ones is forgotten.</summary>
    public void Reconnect(string protectedCredentials, string credentialsHint, DateTimeOffset? credentialsExpireAt, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(protectedCredentials);
        ProtectedCredentials = protectedCredentials;
        CredentialsHint = credentialsHint;
        CredentialsExpireAt = credentialsExpireAt;
        ConnectedAt = at;
        NeedsReconnect = false;
        Problem = null;
        ProblemSince = null;
    }

    /// <summary>The platform said the credentials are dead (expired, revoked, password changed).</summary>
    public void CredentialsRefused(string reason, DateTimeOffset at)
    {
        if (!NeedsReconnect)
            ProblemSince = at;
        NeedsReconnect = true;
        Problem = Trim(reason);
    }

    /// <summary>The account could not be checked (platform down, rate limited); it does not yet need reconnecting.</summary>
    public void CheckFailed(string reason, DateTimeOffset at)
    {
        if (NeedsReconnect)
            return;
        ProblemSince ??= at;
        Problem = Trim(reason);
    }

    /// <summary>The platform's lists were read: every event they hold is now in BlueLamp.</summary>
    public void Reconciled(DateTimeOffset at)
    {
        LastReconciledAt = at;
        NeedsReconnect = false;
        Problem = null;
        ProblemSince = null;
    }

    /// <summary>The platform would not list the account's private messages: DM intake is at risk until it does.</summary>
    public void DirectMessagesUnreadable(string reason, DateTimeOffset at)
    {
        DirectMessagesProblemSince ??= at;
        DirectMessagesProblem = Trim(reason);
    }

    public void DirectMessagesRead()
    {
        DirectMessagesProblem = null;
        DirectMessagesProblemSince = null;
    }

    public void EventReceived(DateTimeOffset at)
    {
        if (LastEventAt is null || at > LastEventAt)
            LastEventAt = at;
    }

    public void MovePollMarker(string? marker, DateTimeOffset? markerAt)
    {
        if (marker is { Length: > MaxIdLength })
            throw new ArgumentException($"A poll marker may hold at most {MaxIdLength} characters.", nameof(marker));
        PollMarker = marker;
        PollMarkerAt = markerAt;
    }

    public void MoveChatMarker(string? marker)
    {
        if (marker is { Length: > MaxIdLength })
            throw new ArgumentException($"A chat marker may hold at most {MaxIdLength} characters.", nameof(marker));
        ChatMarker = marker;
    }

    private static string Trim(string reason) => reason.Length <= 500 ? reason : reason[..499] + "…";
}
