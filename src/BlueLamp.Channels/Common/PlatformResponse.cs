using System.Net;
using System.Net.Http.Headers;

namespace BlueLamp.Channels.Common;

/// <summary>A platform's answer, read completely, so error bodies can be classified after the connection is released.</summary>
internal sealed record PlatformResponse(HttpStatusCode Status, byte[] Body, HttpResponseHeaders Headers)
{
    public bool IsSuccess => (int)Status is >= 200 and <= 299;

    public int StatusCode => (int)Status;

    /// <summary>Whether a failure of this status is worth retrying later: throttling, timeouts, outages.</summary>
    public bool IsTransientStatus => StatusCode is 408 or 429 || StatusCode >= 500;
}
