using System.Security.Cryptography;
using System.Text;

namespace BlueLamp.Simulator.State;

/// <summary>Makes ids that look like each platform's, so connectors meet the formats they will meet for real.</summary>
public sealed class PlatformIds(TimeProvider clock)
{
    private const string SortableBase32 = "234567abcdefghijklmnopqrstuvwxyz";
    private const long TwitterEpochMs = 1288834974657;
    private long lastSnowflake;
    private long lastTidMicros;
    private long graphCounter = 1_000_000;
    private readonly int clockId = RandomNumberGenerator.GetInt32(0, 1024);

    /// <summary>A numeric Graph object id (user, post or comment part).</summary>
    public string NextGraphNumber() => Interlocked.Increment(ref graphCounter).ToString(System.Globalization.CultureInfo.InvariantCulture) + RandomDigits(6);

    /// <summary>A Messenger/Instagram message id: "m_" and an opaque token.</summary>
    public static string NextMessageId() => "m_" + Base64Url(RandomNumberGenerator.GetBytes(24));

    /// <summary>A Messenger thread id: "t_" and a number.</summary>
    public string NextThreadId() => "t_" + NextGraphNumber();

    /// <summary>
    /// An X snowflake: time since X's epoch shifted left 22 bits, so ids grow with time and since_id works
    /// as it does on X. Kept strictly increasing even within a millisecond.
    /// </summary>
    public string NextSnowflake()
    {
        var candidate = (clock.GetUtcNow().ToUnixTimeMilliseconds() - TwitterEpochMs) << 22;
        long next;
        long seen;
        do
        {
            seen = Interlocked.Read(ref lastSnowflake);
            next = Math.Max(candidate, seen + 1);
        }
        while (Interlocked.CompareExchange(ref lastSnowflake, next, seen) != seen);
        return next.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>An AT Protocol TID record key: 13 sortable base32 characters of microseconds and a clock id.</summary>
    public string NextTid()
    {
        var micros = clock.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        long next;
        long seen;
        do
        {
            seen = Interlocked.Read(ref lastTidMicros);
            next = Math.Max(micros, seen + 1);
        }
        while (Interlocked.CompareExchange(ref lastTidMicros, next, seen) != seen);
        var value = (next << 10) | (long)clockId;
        var chars = new char[13];
        for (var i = 12; i >= 0; i--)
        {
            chars[i] = SortableBase32[(int)(value & 31)];
            value >>= 5;
        }
        return new string(chars);
    }

    /// <summary>A CIDv1 (dag-cbor, sha-256) in its base32 "bafyrei…" text form, over the given content.</summary>
    public static string CidFor(string content)
    {
        // Real CIDs hash the DAG-CBOR record; the simulator hashes the JSON, which keeps the shape and uniqueness.
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(content));
        var bytes = new byte[4 + digest.Length];
        bytes[0] = 0x01; // CIDv1
        bytes[1] = 0x71; // dag-cbor
        bytes[2] = 0x12; // sha2-256
        bytes[3] = 0x20; // 32 bytes
        digest.CopyTo(bytes, 4);
        return "b" + Base32Lower(bytes);
    }

    /// <summary>An id for a Bluesky chat message or conversation, opaque like the real ones.</summary>
    public string NextChatId() => NextTid().ToUpperInvariant();

    private static string RandomDigits(int count)
    {
        var digits = new char[count];
        for (var i = 0; i < count; i++)
        {
            digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(0, 10));
        }
        return new string(digits);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Base32Lower(byte[] bytes)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var output = new StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                output.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0)
        {
            output.Append(alphabet[(buffer << (5 - bits)) & 31]);
        }
        return output.ToString();
    }
}
