using BlueLamp.Simulator.Http;
using Microsoft.AspNetCore.Http;

namespace BlueLamp.Simulator.X;

/// <summary>X API v2 errors: problem objects {"title","detail","type","status"}, and "Invalid Request" with an errors array.</summary>
public static class XErrors
{
    public static IResult Problem(int status, string title, string detail, string type = "about:blank", IReadOnlyDictionary<string, string>? headers = null) =>
        new PlatformJson(status, new { title, detail, type, status }, headers, "application/problem+json");

    public static IResult Unauthorized() => Problem(401, "Unauthorized", "Unauthorized");

    public static IResult AppOnlyForbidden() => new PlatformJson(403, new
    {
        title = "Unsupported Authentication",
        detail = "Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].",
        type = "https://api.twitter.com/2/problems/unsupported-authentication",
        status = 403,
    }, null, "application/problem+json");

    /// <summary>X's answer when the app's access level does not include an endpoint (reason "client-not-enrolled").</summary>
    public static IResult ClientForbidden() => new PlatformJson(403, new
    {
        title = "Client Forbidden",
        detail = "When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project. You can create a project via the developer portal.",
        reason = "client-not-enrolled",
        required_enrollment = "Appropriate Level of API Access",
        registration_url = "https://developer.twitter.com/en/docs/projects/overview",
        type = "https://api.twitter.com/2/problems/client-forbidden",
    }, null, "application/problem+json");

    public static IResult Forbidden(string detail) => Problem(403, "Forbidden", detail);

    public static IResult InvalidRequest(string message, string? parameter = null, string? value = null) => new PlatformJson(400, new
    {
        errors = new[]
        {
            parameter is null
                ? (object)new { message }
                : new { parameters = new Dictionary<string, string[]> { [parameter] = [value ?? ""] }, message },
        },
        title = "Invalid Request",
        detail = "One or more parameters to your request was invalid.",
        type = "https://api.twitter.com/2/problems/invalid-request",
    }, null, "application/problem+json");

    public static IResult TooManyRequests(IReadOnlyDictionary<string, string> headers) => Problem(429, "Too Many Requests", "Too Many Requests", headers: headers);

    public static IResult ServerError() => Problem(500, "Internal Server Error", "Internal Server Error");
}
