using BlueLamp.Channels.Common;

namespace BlueLamp.Channels.Meta;

/// <summary>
/// Meta's webhook signature: <c>X-Hub-Signature-256: sha256=&lt;lowercase hex HMAC-SHA256(app secret, body)&gt;</c>.
/// Meta signs the bytes it sends (non-ASCII escaped as \uXXXX), so the check must run over the raw body received,
/// never over JSON that was parsed and written out again.
/// </summary>
public static class MetaSignature
{
    public const string HeaderName = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";

    public static SignatureCheck Check(ReadOnlySpan<byte> body, string? headerValue, string appSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(appSecret);
        if (string.IsNullOrWhiteSpace(headerValue))
            return SignatureCheck.Missing;
        var value = headerValue.Trim();
        if (!value.StartsWith(Prefix, StringComparison.Ordinal) || value.Length != Prefix.Length + 64)
            return SignatureCheck.Malformed;
        byte[] provided;
        try
        {
            provided = Convert.FromHexString(value.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return SignatureCheck.Malformed;
        }
        return WebhookHmac.Matches(appSecret, body, provided) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>The header value Meta would send for this body; for the simulator and the load generator.</summary>
    public static string Compute(ReadOnlySpan<byte> body, string appSecret) =>
        Prefix + Convert.ToHexStringLower(WebhookHmac.Compute(appSecret, body));
}
