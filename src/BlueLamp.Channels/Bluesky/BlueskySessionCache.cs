using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace BlueLamp.Channels.Bluesky;

/// <summary>
/// Keeps one Bluesky session per account for the life of the process. Bluesky allows only 30 logins per 5 minutes
/// and 300 a day per account, so sessions are reused and renewed with refreshSession, never re-created per call;
/// a per-account gate makes concurrent callers share one login or refresh.
/// </summary>
public sealed class BlueskySessionCache
{
    private readonly ConcurrentDictionary<string, BlueskySession> sessions = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Drops an account's session, e.g. after its app password was changed or the account was disconnected.</summary>
    public void Forget(string identifier) => sessions.TryRemove(identifier, out _);

    internal BlueskySession? Get(string identifier) => sessions.TryGetValue(identifier, out var session) ? session : null;

    internal void Set(string identifier, BlueskySession session) => sessions[identifier] = session;

    internal SemaphoreSlim Gate(string identifier) => gates.GetOrAdd(identifier, _ => new SemaphoreSlim(1, 1));

    /// <summary>Reads the <c>exp</c> claim of a JWT without validating it: the server validates; we only want to refresh in time.</summary>
    internal static DateTimeOffset? ExpiryOf(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
            return null;
        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
            return document.RootElement.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            // An opaque token: fall back to refreshing when the server says it expired.
            return null;
        }
    }
}
