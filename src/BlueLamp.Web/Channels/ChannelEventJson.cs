using System.Text.Json;
using BlueLamp.Channels.Common;

namespace BlueLamp.Web.Channels;

/// <summary>
/// Writes a normalised <see cref="ChannelEvent"/> into the raw event table and reads it back, so an event stored
/// before a crash can be taken in after it without the platform's request. The raw payload is kept beside it, not in it.
/// </summary>
public static class ChannelEventJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(ChannelEvent channelEvent) => JsonSerializer.Serialize(channelEvent with { RawPayload = "" }, Options);

    public static ChannelEvent Read(string json, string rawPayload) =>
        (JsonSerializer.Deserialize<ChannelEvent>(json, Options) ?? throw new JsonException("A stored event is empty.")) with { RawPayload = rawPayload };

    /// <summary>
    /// What makes the event unique on its account. A new message is its platform id (the same by webhook, poll or
    /// reconciliation); an edit is also its time, so each edit is kept once; a removal happens once.
    /// </summary>
    public static string KeyOf(ChannelEvent channelEvent)
    {
        ArgumentNullException.ThrowIfNull(channelEvent);
        return channelEvent.Verb switch
        {
            ChannelEventVerb.Edited => $"edit:{channelEvent.SentAt.ToUnixTimeMilliseconds()}:{channelEvent.PlatformMessageId}",
            ChannelEventVerb.Removed => "removal:" + channelEvent.PlatformMessageId,
            _ => "message:" + channelEvent.PlatformMessageId,
        };
    }
}
