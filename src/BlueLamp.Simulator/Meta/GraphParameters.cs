using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace BlueLamp.Simulator.Meta;

/// <summary>
/// The parameters of a Graph call, which Meta accepts in the query string, a form body or a JSON body alike;
/// object-valued parameters (recipient, message) may arrive as JSON text inside a form field.
/// </summary>
public sealed class GraphParameters
{
    private readonly Dictionary<string, JsonElement> values = new(StringComparer.Ordinal);

    private GraphParameters()
    {
    }

    /// <summary>Set when the body could not be read; Graph answers that with a parameter error.</summary>
    public string? Problem { get; private set; }

    public static async Task<GraphParameters> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = new GraphParameters();
        foreach (var (key, value) in request.Query)
        {
            parameters.values[key] = JsonSerializer.SerializeToElement(value.ToString());
        }
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form)
            {
                parameters.values[key] = JsonSerializer.SerializeToElement(value.ToString());
            }
        }
        else if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    parameters.Problem = "The request body must be a JSON object.";
                }
                else
                {
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        parameters.values[property.Name] = property.Value.Clone();
                    }
                }
            }
            catch (JsonException)
            {
                parameters.Problem = "The request body is not valid JSON.";
            }
        }
        return parameters;
    }

    public string? String(string name) => values.TryGetValue(name, out var value)
        ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
        : null;

    /// <summary>An object parameter, whether sent as a JSON object or as JSON text in a string.</summary>
    public JsonElement? Object(string name)
    {
        if (!values.TryGetValue(name, out var value))
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Object)
        {
            return value;
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            try
            {
                using var parsed = JsonDocument.Parse(value.GetString()!);
                return parsed.RootElement.ValueKind == JsonValueKind.Object ? parsed.RootElement.Clone() : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>
    /// A list parameter as Graph takes it: a JSON array (in a JSON body, or as JSON text in a field), a comma-separated
    /// string (<c>children=1,2</c>), or indexed fields (<c>attached_media[0]=…</c>, <c>attached_media[1]=…</c>). Each item
    /// is the string itself, or an object's JSON text. Null when the parameter is absent.
    /// </summary>
    public IReadOnlyList<string>? List(string name)
    {
        if (values.TryGetValue(name, out var value))
        {
            var element = value;
            if (value.ValueKind == JsonValueKind.String && value.GetString()!.TrimStart().StartsWith('['))
            {
                try
                {
                    using var parsed = JsonDocument.Parse(value.GetString()!);
                    element = parsed.RootElement.Clone();
                }
                catch (JsonException)
                {
                    return [];
                }
            }
            return element.ValueKind switch
            {
                JsonValueKind.Array => element.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString()! : i.GetRawText()).ToList(),
                JsonValueKind.String => element.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                _ => [],
            };
        }
        var indexed = new List<string>();
        for (var i = 0; values.TryGetValue($"{name}[{i}]", out var item); i++)
        {
            indexed.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText());
        }
        return indexed.Count > 0 ? indexed : null;
    }

    /// <summary>The access token: ?access_token=, a body field, or an "Authorization: Bearer|OAuth" header.</summary>
    public static string? TokenOf(HttpRequest request, GraphParameters parameters)
    {
        var header = request.Headers.Authorization.ToString();
        foreach (var scheme in new[] { "Bearer ", "OAuth " })
        {
            if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return header[scheme.Length..].Trim();
            }
        }
        return parameters.String("access_token");
    }
}
