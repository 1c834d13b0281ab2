using System.Security.Cryptography;
using System.Text;

namespace BlueLamp.Channels.Common;

/// <summary>HMAC-SHA256 over webhook bodies, compared in constant time so a forger learns nothing from response timing.</summary>
internal static class WebhookHmac
{
    public static byte[] Compute(string secret, ReadOnlySpan<byte> data)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data);
    }

    public static bool Matches(string secret, ReadOnlySpan<byte> data, ReadOnlySpan<byte> provided)
    {
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data, expected);
        return CryptographicOperations.FixedTimeEquals(expected, provided);
    }
}
