using System.Text.Json.Serialization;

namespace BlueLamp.Channels.X;

internal sealed record XReplySettings([property: JsonPropertyName("in_reply_to_tweet_id")] string InReplyToTweetId);

internal sealed record XPostRequest(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("reply")] XReplySettings? Reply);

internal sealed record XPostData(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("text")] string? Text);

internal sealed record XPostResponse([property: JsonPropertyName("data")] XPostData? Data);

internal sealed record XDirectMessageRequest([property: JsonPropertyName("text")] string Text);

internal sealed record XDirectMessageData(
    [property: JsonPropertyName("dm_conversation_id")] string? ConversationId,
    [property: JsonPropertyName("dm_event_id")] string? EventId);

internal sealed record XDirectMessageResponse([property: JsonPropertyName("data")] XDirectMessageData? Data);

internal sealed record XHiddenRequest([property: JsonPropertyName("hidden")] bool Hidden);

internal sealed record XHiddenData([property: JsonPropertyName("hidden")] bool? Hidden);

internal sealed record XHiddenResponse([property: JsonPropertyName("data")] XHiddenData? Data);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(XPostRequest))]
[JsonSerializable(typeof(XPostResponse))]
[JsonSerializable(typeof(XDirectMessageRequest))]
[JsonSerializable(typeof(XDirectMessageResponse))]
[JsonSerializable(typeof(XHiddenRequest))]
[JsonSerializable(typeof(XHiddenResponse))]
internal sealed partial class XJsonContext : JsonSerializerContext;
