using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace BlueLamp.Simulator.Bluesky;

/// <summary>Reads an XRPC procedure's JSON input; null when it is not a JSON object.</summary>
public static class XrpcBody
{
    public static async Task<JsonElement?> ReadAsync(HttpRequest request)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
