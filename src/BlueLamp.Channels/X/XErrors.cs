using System.Text.Json;
using BlueLamp.Channels.Common;

namespace BlueLamp.Channels.X;

/// <summary>
/// Reads an X API error: v2 problem details (<c>title</c>, <c>detail</c>, <c>type</c>) or the older
/// <c>{"errors":[{"message","code"}]}</c>. 401 means the token is dead: reconnect the account.
/// </summary>
internal static class XErrors
{
    public static PlatformFailure Classify(PlatformResponse response)
    {
        string? message = null;
        string? code = null;
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            var root = document.RootElement;
            var title = root.String("title");
            var detail = root.String("detail");
            message = title is not null && detail is not null && detail != title ? $"{title}: {detail}" : detail ?? title;
            code = root.String("type");
            if (root.Array("errors").FirstOrDefault() is { ValueKind: JsonValueKind.Object } first)
            {
                message ??= first.String("message") ?? first.String("detail");
                code ??= first.String("code");
            }
        }
        catch (JsonException)
        {
            // Not X's JSON: the HTTP status alone says what happened.
        }
        var needsReconnect = response.StatusCode == 401;
        var text = message is null ? $"X answered HTTP {response.StatusCode}." : "X: " + message;
        if (response.StatusCode == 429 && response.Headers.TryGetValues("x-rate-limit-reset", out var reset)
            && long.TryParse(reset.FirstOrDefault(), out var resetAt))
            text += $" The limit resets at {DateTimeOffset.FromUnixTimeSeconds(resetAt):HH:mm:ss} UTC.";
        return new PlatformFailure(text, !needsReconnect && response.IsTransientStatus, needsReconnect, response.StatusCode, code);
    }
}
