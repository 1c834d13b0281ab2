using System.Text.Json;

namespace BlueLamp.Channels.Common;

/// <summary>
/// Tolerant readers over the JSON DOM for webhook and listing payloads. Platforms add fields freely and send ids as
/// strings or numbers, so parsers ask for what they need and get null rather than an exception when it is absent.
/// </summary>
internal static class JsonElementReading
{
    public static JsonElement? Property(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static JsonElement? Path(this JsonElement element, params string[] names)
    {
        JsonElement? current = element;
        foreach (var name in names)
        {
            current = current?.Property(name);
            if (current is null)
                return null;
        }
        return current;
    }

    /// <summary>A string, or a number rendered as its literal text (ids arrive both ways).</summary>
    public static string? String(this JsonElement element, params string[] path) =>
        element.Path(path) switch
        {
            { ValueKind: JsonValueKind.String } s => s.GetString(),
            { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
            _ => null,
        };

    public static long? Int64(this JsonElement element, params string[] path) =>
        element.Path(path) switch
        {
            { ValueKind: JsonValueKind.Number } n when n.TryGetInt64(out var v) => v,
            { ValueKind: JsonValueKind.String } s when long.TryParse(s.GetString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) => v,
            _ => null,
        };

    public static bool Bool(this JsonElement element, params string[] path) =>
        element.Path(path) switch
        {
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.String } s => string.Equals(s.GetString(), "true", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };

    public static IEnumerable<JsonElement> Array(this JsonElement element, params string[] path) =>
        element.Path(path) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    public static bool IsArray(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Array };

    /// <summary>Quotes a value from a payload inside an error reason, cut short so a hostile body cannot flood the log.</summary>
    public static string Quote(string? value) =>
        value is null ? "(none)" : "'" + (value.Length > 40 ? value[..40] + "…" : value) + "'";
}
