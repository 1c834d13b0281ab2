using System.Net;
using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Triage;

/// <summary>
/// A force's outbound link to its command-and-control system: where handovers are sent, whether they are, and the
/// shared secret they are signed with (kept encrypted by the host; Core only holds the protected form and a hint).
/// </summary>
public sealed class CommandAndControlLink : IForceOwned
{
    public const int MaxUrlLength = 2000;

    /// <summary>Fewer characters than this would be guessable; a generated secret has 43.</summary>
    public const int MinSecretLength = 16;

    private CommandAndControlLink() { EndpointUrl = ""; ProtectedSecret = ""; SecretHint = ""; UpdatedByName = ""; }

    public CommandAndControlLink(Guid forceId, bool enabled, string endpointUrl, string protectedSecret, string secretHint, string updatedByName, DateTimeOffset at)
        : this()
    {
        ForceId = forceId;
        Change(enabled, endpointUrl, protectedSecret, secretHint, updatedByName, at);
    }

    public Guid ForceId { get; private set; }

    public bool Enabled { get; private set; }

    public string EndpointUrl { get; private set; }

    /// <summary>The signing secret as the host's Data Protection wrote it; never shown.</summary>
    public string ProtectedSecret { get; private set; }

    /// <summary>What an administrator is shown of the secret, e.g. "…x9Qa".</summary>
    public string SecretHint { get; private set; }

    public string UpdatedByName { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public void Change(bool enabled, string endpointUrl, string protectedSecret, string secretHint, string updatedByName, DateTimeOffset at)
    {
        if (CheckEndpoint(endpointUrl) is { } problem)
            throw new ArgumentException(problem, nameof(endpointUrl));
        ArgumentException.ThrowIfNullOrWhiteSpace(protectedSecret);
        Enabled = enabled;
        EndpointUrl = endpointUrl.Trim();
        ProtectedSecret = protectedSecret;
        SecretHint = secretHint;
        UpdatedByName = updatedByName;
        UpdatedAt = at;
    }

    /// <summary>
    /// Null when <paramref name="url"/> may receive handovers: an absolute https address, or http only to this machine
    /// (loopback, for the demo and tests), because a handover names a person at risk and must not cross a network in clear.
    /// </summary>
    public static string? CheckEndpoint(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
            return "Enter the address of the command-and-control system.";
        if (url.Trim().Length > MaxUrlLength)
            return $"Keep the address to {MaxUrlLength} characters.";
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Host.Length == 0)
            return "Enter a full address starting https://, e.g. https://cad.example.police.uk/bluelamp/handovers.";
        if (!string.IsNullOrEmpty(uri.UserInfo))
            return "Put no user name or password in the address; requests are signed with the shared secret.";
        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
            return "Use https: a handover names a person at risk. Plain http is allowed only to this machine (localhost), for the demo and tests.";
        return null;
    }

    /// <summary>Null when <paramref name="secret"/> is long enough to sign with.</summary>
    public static string? CheckSecret(string? secret) =>
        string.IsNullOrWhiteSpace(secret) ? "Enter the shared signing secret (or generate one)."
        : secret.Trim().Length < MinSecretLength ? $"The signing secret must be at least {MinSecretLength} characters."
        : secret.Trim().Length > 200 ? "Keep the signing secret to 200 characters."
        : null;

    /// <summary>The last four characters, so an administrator can tell which secret is set without seeing it.</summary>
    public static string HintFor(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var trimmed = secret.Trim();
        return trimmed.Length <= 8 ? "…" : "…" + trimmed[^4..];
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
