using BlueLamp.Channels.Common;

namespace BlueLamp.Channels.X;

/// <summary>
/// X's webhook signature: <c>x-twitter-webhooks-signature: sha256=&lt;base64 HMAC-SHA256(consumer secret, body)&gt;</c>
/// (base64 where Meta uses hex), computed over the raw body bytes received.
/// </summary>
public static class XSignature
{
    public const string HeaderName = "x-twitter-webhooks-signature";

    private const string Prefix = "sha256=";

    public static SignatureCheck Check(ReadOnlySpan<byte> body, string? headerValue, string consumerSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumerSecret);
        if (string.IsNullOrWhiteSpace(headerValue))
            return SignatureCheck.Missing;
        var value = headerValue.Trim();
        if (!value.StartsWith(Prefix, StringComparison.Ordinal))
            return SignatureCheck.Malformed;
        Span<byte> provided = stackalloc byte[64];
        if (!Convert.TryFromBase64String(value[Prefix.Length..], provided, out var written) || written != 32)
            return SignatureCheck.Malformed;
        return WebhookHmac.Matches(consumerSecret, body, provided[..written]) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>The header value X would send for this body; for the simulator.</summary>
    public static string Compute(ReadOnlySpan<byte> body, string consumerSecret) =>
        Prefix + Convert.ToBase64String(WebhookHmac.Compute(consumerSecret, body));
}
