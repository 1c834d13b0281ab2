using System.Text;

namespace BlueLamp.Web.Channels;

/// <summary>
/// The secrets of one platform account, as an administrator gives them: a Meta page or Instagram token with the app
/// secret and verify token, an X user token with the consumer secret, or a Bluesky identifier and app password.
/// Stored only encrypted (<see cref="CredentialVault"/>); <see cref="ToString"/> never shows them.
/// </summary>
public sealed record AccountCredentials(
    string? AccessToken = null,
    string? AppSecret = null,
    string? VerifyToken = null,
    string? ConsumerSecret = null,
    string? Identifier = null,
    string? AppPassword = null)
{
    /// <summary>What an administrator may see: each secret's last four characters.</summary>
    public string Hint()
    {
        var hint = new StringBuilder();
        Add(hint, "token", AccessToken);
        Add(hint, "app secret", AppSecret);
        Add(hint, "verify token", VerifyToken);
        Add(hint, "consumer secret", ConsumerSecret);
        if (Identifier is not null)
            hint.Append(hint.Length > 0 ? "; " : "").Append("identifier ").Append(Identifier);
        Add(hint, "app password", AppPassword);
        return hint.ToString();
    }

    public override string ToString() => "account credentials (hidden)";

    private static void Add(StringBuilder hint, string name, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
            return;
        hint.Append(hint.Length > 0 ? "; " : "").Append(name).Append(" …").Append(secret.Length <= 8 ? "" : secret[^4..]);
    }
}
