using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BlueLamp.Core.Triage;

/// <summary>
/// How a handover sent to command and control is signed (docs/command-and-control.md): HMAC-SHA256, keyed with the
/// force's shared secret, over the Unix timestamp, a full stop and the exact body bytes; sent as <c>v1=</c> and lower-case hex.
/// </summary>
public static class HandoverSignature
{
    public const string TimestampHeader = "X-BlueLamp-Timestamp";
    public const string SignatureHeader = "X-BlueLamp-Signature";
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string Scheme = "v1=";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Scheme + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>What a receiver does: the signature matches (compared in constant time) and the timestamp is within <paramref name="tolerance"/> of now.</summary>
    public static bool Verify(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || signature is null)
            return false;
        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance)
            return false;
        var expected = Encoding.ASCII.GetBytes(Sign(secret, seconds, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.Trim()));
    }
}
