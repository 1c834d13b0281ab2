using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BlueLamp.Simulator.Faults;
using BlueLamp.Simulator.State;
using Microsoft.Extensions.Options;

namespace BlueLamp.Simulator.Bluesky;

/// <summary>
/// The PDS's session tokens: HS256 JWTs like a real PDS issues (typ at+jwt with scope com.atproto.appPass for
/// access, refresh+jwt with a jti for refresh), expiring on the simulator's clock; a refresh token is revoked
/// once used. The token-expired fault expires every access token issued so far, so refreshSession must recover.
/// </summary>
public sealed class SessionTokens
{
    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, byte> revokedRefresh = new();
    private readonly BlueskyAccountOptions account;
    private readonly TimeProvider clock;
    private long expiredBeforeMs = long.MinValue;

    public SessionTokens(IOptions<SimulatorOptions> options, TimeProvider clock, FaultBoard faults)
    {
        account = options.Value.Bluesky;
        this.clock = clock;
        faults.Changed += platform =>
        {
            if (platform == SimulatedPlatform.Bluesky && faults.For(platform).TokenExpired)
            {
                Interlocked.Exchange(ref expiredBeforeMs, clock.GetUtcNow().ToUnixTimeMilliseconds());
            }
        };
    }

    public (string Access, string Refresh) Issue()
    {
        var now = clock.GetUtcNow();
        var access = Sign("at+jwt", new Dictionary<string, object>
        {
            ["scope"] = "com.atproto.appPass",
            ["sub"] = account.Did,
            ["aud"] = "did:web:pds.simulator.invalid",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.Add(account.AccessTokenLifetime).ToUnixTimeSeconds(),
            ["iat_ms"] = now.ToUnixTimeMilliseconds(),
        });
        var refresh = Sign("refresh+jwt", new Dictionary<string, object>
        {
            ["scope"] = "com.atproto.refresh",
            ["sub"] = account.Did,
            ["aud"] = "did:web:pds.simulator.invalid",
            ["jti"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('='),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.Add(account.RefreshTokenLifetime).ToUnixTimeSeconds(),
        });
        return (access, refresh);
    }

    /// <summary>Checks an access token; the answer is null when it is good, else the XRPC error name and message.</summary>
    public TokenProblem? CheckAccess(string token)
    {
        if (Read(token) is not { } claims)
        {
            return new TokenProblem(401, "InvalidToken", "Token could not be verified");
        }
        if (claims.Type != "at+jwt")
        {
            return new TokenProblem(400, "InvalidToken", "Invalid token type");
        }
        if (claims.ExpiresAt <= clock.GetUtcNow() || claims.IssuedAtMs <= Interlocked.Read(ref expiredBeforeMs))
        {
            return new TokenProblem(400, "ExpiredToken", "Token has expired");
        }
        return null;
    }

    /// <summary>Checks and spends a refresh token.</summary>
    public TokenProblem? SpendRefresh(string token)
    {
        if (Read(token) is not { } claims)
        {
            return new TokenProblem(401, "InvalidToken", "Token could not be verified");
        }
        if (claims.Type != "refresh+jwt" || claims.Jti is null)
        {
            return new TokenProblem(400, "InvalidToken", "Invalid token type");
        }
        if (claims.ExpiresAt <= clock.GetUtcNow())
        {
            return new TokenProblem(400, "ExpiredToken", "Token has expired");
        }
        if (!revokedRefresh.TryAdd(claims.Jti, 0))
        {
            return new TokenProblem(400, "ExpiredToken", "Token has been revoked");
        }
        return null;
    }

    private string Sign(string type, Dictionary<string, object> claims)
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { typ = type, alg = "HS256" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes($"{header}.{payload}")));
        return $"{header}.{payload}.{signature}";
    }

    private Claims? Read(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }
        try
        {
            var expected = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
            if (!CryptographicOperations.FixedTimeEquals(expected, FromBase64Url(parts[2])))
            {
                return null;
            }
            using var header = JsonDocument.Parse(FromBase64Url(parts[0]));
            using var payload = JsonDocument.Parse(FromBase64Url(parts[1]));
            var root = payload.RootElement;
            return new Claims(
                header.RootElement.GetProperty("typ").GetString()!,
                DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("exp").GetInt64()),
                root.TryGetProperty("iat_ms", out var ms) ? ms.GetInt64() : long.MaxValue,
                root.TryGetProperty("jti", out var jti) ? jti.GetString() : null);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }

    private sealed record Claims(string Type, DateTimeOffset ExpiresAt, long IssuedAtMs, string? Jti);
}
