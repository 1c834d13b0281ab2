using System.Text.Json;
using BlueLamp.Channels.Common;

namespace BlueLamp.Channels.Meta;

/// <summary>
/// Reads a Graph API error (<c>{"error":{"message","type","code","error_subcode","is_transient"}}</c>) into a failure:
/// code 190 (and 102, and the session subcodes) means the token is dead and the account must be reconnected;
/// 1, 2, 4, 17, 32, 341, 613 and <c>is_transient</c> are worth retrying; everything else needs a person.
/// </summary>
internal static class MetaErrors
{
    private static readonly HashSet<long> ThrottlingOrOutageCodes = [1, 2, 4, 17, 32, 341, 613];

    private static readonly HashSet<long> SessionSubcodes = [458, 459, 460, 463, 464, 467, 492];

    public static PlatformFailure Classify(PlatformResponse response)
    {
        string? message = null;
        long? code = null;
        long? subcode = null;
        var transient = false;
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            var error = document.RootElement.Property("error");
            message = error?.String("message");
            code = error?.Int64("code");
            subcode = error?.Int64("error_subcode");
            transient = error?.Bool("is_transient") ?? false;
        }
        catch (JsonException)
        {
            // Not Graph's JSON (a proxy's error page, say): fall back to the HTTP status below.
        }
        var needsReconnect = code is 190 or 102 || subcode is { } s && SessionSubcodes.Contains(s) || response.StatusCode == 401 && code is null;
        var retryable = !needsReconnect && (transient || code is { } c && ThrottlingOrOutageCodes.Contains(c) || response.IsTransientStatus);
        var platformCode = code is null ? null : subcode is null ? code.ToString() : $"{code}/{subcode}";
        var text = message is null
            ? $"Meta answered HTTP {response.StatusCode}."
            : $"Meta: {message}" + (platformCode is null ? "" : $" (code {platformCode})");
        return new PlatformFailure(text, retryable, needsReconnect, response.StatusCode, platformCode);
    }
}
