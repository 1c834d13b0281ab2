using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlueLamp.Channels.Bluesky;

/// <summary>
/// What a comment hold changed in a post's threadgate, kept so lifting the hold restores only that: the allow rules the
/// account had before (<see cref="HadAllow"/> false: none, so anyone could reply) and the replies the hold itself hid
/// (not those the account had hidden already). Stored by the caller as <see cref="ToJson"/>, read back with <see cref="Parse"/>.
/// </summary>
public sealed record BlueskyThreadgateHold(bool HadAllow, string? AllowBefore, IReadOnlyList<string> HiddenAdded)
{
    public string ToJson() => new JsonObject
    {
        ["hadAllow"] = HadAllow,
        ["allowBefore"] = AllowBefore is null ? null : JsonNode.Parse(AllowBefore),
        ["hiddenAdded"] = new JsonArray([.. HiddenAdded.Select(h => (JsonNode?)JsonValue.Create(h))]),
    }.ToJsonString();

    /// <summary>Reads what <see cref="ToJson"/> wrote; null for anything else (a hold recorded before holds were recorded this way).</summary>
    public static BlueskyThreadgateHold? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
            return null;
        try
        {
            if (JsonNode.Parse(json) is not JsonObject o || o["hadAllow"] is not JsonValue had || o["hiddenAdded"] is not JsonArray added)
                return null;
            return new BlueskyThreadgateHold(had.GetValue<bool>(), o["allowBefore"]?.ToJsonString(), [.. added.Select(a => a!.GetValue<string>())]);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
