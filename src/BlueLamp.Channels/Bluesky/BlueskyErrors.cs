using System.Text.Json;
using BlueLamp.Channels.Common;

namespace BlueLamp.Channels.Bluesky;

/// <summary>Reads an XRPC error (<c>{"error": "ExpiredToken", "message": "…"}</c>) into a failure.</summary>
internal static class BlueskyErrors
{
    private static readonly HashSet<string> AuthErrors = new(StringComparer.Ordinal)
    {
        "AuthenticationRequired", "InvalidToken", "ExpiredToken", "AccountTakedown", "AccountDeactivated", "InvalidIdentifierOrPassword",
    };

    public static string? ErrorName(PlatformResponse response)
    {
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            return document.RootElement.String("error");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The access token is stale but the session may be renewed: refresh once and try again.</summary>
    public static bool IsStaleAccessToken(PlatformResponse response) =>
        response.StatusCode is 400 or 401 && ErrorName(response) is "ExpiredToken" or "InvalidToken" or "AuthenticationRequired";

    public static PlatformFailure Classify(PlatformResponse response)
    {
        string? error = null;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            error = document.RootElement.String("error");
            message = document.RootElement.String("message");
        }
        catch (JsonException)
        {
            // Not XRPC JSON: the HTTP status alone says what happened.
        }
        var needsReconnect = response.StatusCode == 401 || error is not null && AuthErrors.Contains(error);
        var text = (message ?? error) is { } said ? "Bluesky: " + said : $"Bluesky answered HTTP {response.StatusCode}.";
        return new PlatformFailure(text, !needsReconnect && response.IsTransientStatus, needsReconnect, response.StatusCode, error);
    }
}
