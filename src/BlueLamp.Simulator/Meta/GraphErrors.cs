using System.Globalization;
using System.Security.Cryptography;
using BlueLamp.Simulator.Http;
using Microsoft.AspNetCore.Http;

namespace BlueLamp.Simulator.Meta;

/// <summary>
/// Graph API errors in Meta's shape: {"error":{"message","type","code","error_subcode","fbtrace_id"}}, with the
/// codes Meta documents (190 token, 10/2018278 outside the messaging window, 4/32/613 throttling, 2 transient).
/// </summary>
public static class GraphErrors
{
    public const string PolicyLink = "https://developers.facebook.com/docs/messenger-platform/policy-overview";

    public static IResult Error(int status, string message, int code, int? subcode = null, string type = "OAuthException", bool? transient = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var error = new Dictionary<string, object>
        {
            ["message"] = message,
            ["type"] = type,
        };
        if (transient is { } isTransient)
        {
            error["is_transient"] = isTransient;
        }
        error["code"] = code;
        if (subcode is { } sub)
        {
            error["error_subcode"] = sub;
        }
        error["fbtrace_id"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(8)).TrimEnd('=');
        return new PlatformJson(status, new Dictionary<string, object> { ["error"] = error }, headers);
    }

    public static IResult MissingToken() => Error(400, "An access token is required to request this resource.", 104);

    public static IResult InvalidToken()
    {
        const string message = "Invalid OAuth access token - Cannot parse access token";
        return Error(400, message, 190, headers: Authenticate(message));
    }

    public static IResult ExpiredToken(DateTimeOffset now)
    {
        var expired = now.AddHours(-1).ToUniversalTime();
        var message = "Error validating access token: Session has expired on "
            + expired.ToString("dddd, dd-MMM-yy HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)
            + ". The current time is " + now.ToUniversalTime().ToString("dddd, dd-MMM-yy HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) + ".";
        return Error(400, message, 190, 463, headers: Authenticate(message));
    }

    public static IResult OutsideWindow() =>
        Error(400, $"(#10) This message is sent outside of allowed window. Learn more about the new policy here: {PolicyLink}", 10, 2018278);

    public static IResult NoMatchingUser() => Error(400, "(#100) No matching user found", 100, 2018001);

    public static IResult InvalidParameter(string message) => Error(400, $"(#100) {message}", 100);

    public static IResult UnknownObject(string id) =>
        Error(400, $"Unsupported post request. Object with ID '{id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api", 100, 33, "GraphMethodException");

    public static IResult UnknownGetObject(string id) =>
        Error(400, $"Unsupported get request. Object with ID '{id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api", 100, 33, "GraphMethodException");

    public static IResult AlreadyReplied() => Error(400, "(#10900) Activity already replied to", 10900);

    public static IResult Throttled(bool sendApi, string pageId, int retryAfterSeconds)
    {
        var headers = new Dictionary<string, string>
        {
            ["Retry-After"] = retryAfterSeconds.ToString(CultureInfo.InvariantCulture),
            ["X-Business-Use-Case-Usage"] = $"{{\"{pageId}\":[{{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":12,\"total_time\":30,\"estimated_time_to_regain_access\":{Math.Max(1, (retryAfterSeconds + 59) / 60)}}}]}}",
        };
        return sendApi
            ? Error(429, "(#613) Calls to this api have exceeded the rate limit.", 613, transient: true, headers: headers)
            : Error(429, "(#32) Page request limit reached", 32, transient: true, headers: headers);
    }

    public static IResult Unexpected() => Error(500, "An unexpected error has occurred. Please retry your request later.", 2, transient: true);

    private static Dictionary<string, string> Authenticate(string message) =>
        new() { ["WWW-Authenticate"] = $"OAuth \"Facebook Platform\" \"invalid_token\" \"{message}\"" };
}
