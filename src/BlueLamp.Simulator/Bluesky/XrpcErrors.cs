using System.Globalization;
using BlueLamp.Simulator.Http;
using Microsoft.AspNetCore.Http;

namespace BlueLamp.Simulator.Bluesky;

/// <summary>XRPC errors as a PDS sends them: {"error":"Name","message":"…"} with the status the reference PDS uses.</summary>
public static class XrpcErrors
{
    public static IResult Error(int status, string error, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new PlatformJson(status, new { error, message }, headers);

    public static IResult AuthenticationRequired(string message = "Authentication Required") => Error(401, "AuthenticationRequired", message);

    public static IResult InvalidToken(string message = "Token could not be verified") => Error(401, "InvalidToken", message);

    public static IResult BadTokenType() => Error(400, "InvalidToken", "Invalid token type");

    public static IResult ExpiredToken(string message = "Token has expired") => Error(400, "ExpiredToken", message);

    public static IResult InvalidRequest(string message) => Error(400, "InvalidRequest", message);

    public static IResult MethodNotImplemented() => Error(501, "MethodNotImplemented", "Method Not Implemented");

    public static IResult RateLimitExceeded(int limit, int windowSeconds, DateTimeOffset reset, int? retryAfterSeconds = null)
    {
        var headers = new Dictionary<string, string>
        {
            ["ratelimit-limit"] = limit.ToString(CultureInfo.InvariantCulture),
            ["ratelimit-remaining"] = "0",
            ["ratelimit-reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["ratelimit-policy"] = $"{limit};w={windowSeconds}",
        };
        if (retryAfterSeconds is { } seconds)
        {
            headers["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture);
        }
        return Error(429, "RateLimitExceeded", "Rate Limit Exceeded", headers);
    }

    public static IResult InternalServerError() => Error(500, "InternalServerError", "Internal Server Error");
}
