using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace BlueLamp.Simulator.Http;

/// <summary>A platform API answer: JSON in the platform's shape, with its extra headers (Retry-After, rate-limit and usage headers, WWW-Authenticate).</summary>
public sealed class PlatformJson(int status, object body, IReadOnlyDictionary<string, string>? headers = null, string contentType = "application/json; charset=utf-8") : IResult
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public int Status => status;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = status;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            httpContext.Response.Headers[name] = value;
        }
        httpContext.Response.ContentType = contentType;
        await JsonSerializer.SerializeAsync(httpContext.Response.Body, body, Json, httpContext.RequestAborted);
    }
}
