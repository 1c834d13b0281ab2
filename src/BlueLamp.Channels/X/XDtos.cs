using System.Text.Json.Serialization;

namespace BlueLamp.Channels.X;

internal sealed record XReplySettings([property: JsonPropertyName("in_reply_to_tweet_id")] string InReplyToTweetId);

internal sealed record XPostRequest(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("reply")] XReplySettings? Reply,
    [property: JsonPropertyName("media")] XPostMedia? Media = null);

internal sealed record XPostMedia([property: JsonPropertyName("media_ids")] IReadOnlyList<string> MediaIds);

/// <summary>POST /2/media/upload with the file base64-encoded in a JSON body.</summary>
internal sealed record XMediaUploadRequest(
    [property: JsonPropertyName("media")] string Media,
    [property: JsonPropertyName("media_category")] string MediaCategory,
    [property: JsonPropertyName("media_type")] string MediaType);

internal sealed record XMediaData(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("media_key")] string? MediaKey);

internal sealed record XMediaUploadResponse([property: JsonPropertyName("data")] XMediaData? Data);

internal sealed record XAltText([property: JsonPropertyName("text")] string Text);

internal sealed record XMediaMetadata([property: JsonPropertyName("alt_text")] XAltText AltText);

/// <summary>POST /2/media/metadata: the image's alt text.</summary>
internal sealed record XMediaMetadataRequest(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("metadata")] XMediaMetadata Metadata);

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
[JsonSerializable(typeof(XMediaUploadRequest))]
[JsonSerializable(typeof(XMediaUploadResponse))]
[JsonSerializable(typeof(XMediaMetadataRequest))]
[JsonSerializable(typeof(XPostResponse))]
[JsonSerializable(typeof(XDirectMessageRequest))]
[JsonSerializable(typeof(XDirectMessageResponse))]
[JsonSerializable(typeof(XHiddenRequest))]
[JsonSerializable(typeof(XHiddenResponse))]
internal sealed partial class XJsonContext : JsonSerializerContext;
