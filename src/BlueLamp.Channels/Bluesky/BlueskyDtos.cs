using System.Text.Json.Serialization;

namespace BlueLamp.Channels.Bluesky;

internal sealed record BlueskyCreateSessionRequest(
    [property: JsonPropertyName("identifier")] string Identifier,
    [property: JsonPropertyName("password")] string Password);

internal sealed record BlueskySessionResponse(
    [property: JsonPropertyName("did")] string? Did,
    [property: JsonPropertyName("handle")] string? Handle,
    [property: JsonPropertyName("accessJwt")] string? AccessJwt,
    [property: JsonPropertyName("refreshJwt")] string? RefreshJwt);

internal sealed record BlueskyStrongRef(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("cid")] string Cid);

internal sealed record BlueskyReplyRef(
    [property: JsonPropertyName("root")] BlueskyStrongRef Root,
    [property: JsonPropertyName("parent")] BlueskyStrongRef Parent);

internal sealed record BlueskyByteSlice(
    [property: JsonPropertyName("byteStart")] int ByteStart,
    [property: JsonPropertyName("byteEnd")] int ByteEnd);

internal sealed record BlueskyFacetFeature(
    [property: JsonPropertyName("$type")] string Type,
    [property: JsonPropertyName("uri")] string? Uri = null,
    [property: JsonPropertyName("did")] string? Did = null,
    [property: JsonPropertyName("tag")] string? Tag = null);

internal sealed record BlueskyFacetRecord(
    [property: JsonPropertyName("index")] BlueskyByteSlice Index,
    [property: JsonPropertyName("features")] IReadOnlyList<BlueskyFacetFeature> Features);

internal sealed record BlueskyPostRecord(
    [property: JsonPropertyName("$type")] string Type,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("createdAt")] string CreatedAt,
    [property: JsonPropertyName("langs")] IReadOnlyList<string>? Langs,
    [property: JsonPropertyName("reply")] BlueskyReplyRef? Reply,
    [property: JsonPropertyName("facets")] IReadOnlyList<BlueskyFacetRecord>? Facets,
    [property: JsonPropertyName("embed")] BlueskyImagesEmbed? Embed = null);

/// <summary>One image of an app.bsky.embed.images embed: the blob uploadBlob returned, as it returned it, and the alt text.</summary>
internal sealed record BlueskyEmbedImage(
    [property: JsonPropertyName("alt")] string Alt,
    [property: JsonPropertyName("image")] System.Text.Json.JsonElement Image);

internal sealed record BlueskyImagesEmbed(
    [property: JsonPropertyName("$type")] string Type,
    [property: JsonPropertyName("images")] IReadOnlyList<BlueskyEmbedImage> Images);

internal sealed record BlueskyUploadBlobResponse([property: JsonPropertyName("blob")] System.Text.Json.JsonElement? Blob);

internal sealed record BlueskyCreateRecordRequest(
    [property: JsonPropertyName("repo")] string Repo,
    [property: JsonPropertyName("collection")] string Collection,
    [property: JsonPropertyName("record")] BlueskyPostRecord Record);

internal sealed record BlueskyCreateRecordResponse(
    [property: JsonPropertyName("uri")] string? Uri,
    [property: JsonPropertyName("cid")] string? Cid);

internal sealed record BlueskyDeleteRecordRequest(
    [property: JsonPropertyName("repo")] string Repo,
    [property: JsonPropertyName("collection")] string Collection,
    [property: JsonPropertyName("rkey")] string RecordKey);

internal sealed record BlueskyResolveHandleResponse([property: JsonPropertyName("did")] string? Did);

internal sealed record BlueskyMessageInput(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("facets")] IReadOnlyList<BlueskyFacetRecord>? Facets);

internal sealed record BlueskySendMessageRequest(
    [property: JsonPropertyName("convoId")] string ConvoId,
    [property: JsonPropertyName("message")] BlueskyMessageInput Message);

internal sealed record BlueskyMessageViewResponse(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("rev")] string? Rev,
    [property: JsonPropertyName("sentAt")] string? SentAt);

internal sealed record BlueskyConvoRef([property: JsonPropertyName("id")] string? Id);

internal sealed record BlueskyConvoAvailabilityResponse(
    [property: JsonPropertyName("canChat")] bool? CanChat,
    [property: JsonPropertyName("convo")] BlueskyConvoRef? Convo);

internal sealed record BlueskyConvoResponse([property: JsonPropertyName("convo")] BlueskyConvoRef? Convo);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BlueskyCreateSessionRequest))]
[JsonSerializable(typeof(BlueskySessionResponse))]
[JsonSerializable(typeof(BlueskyCreateRecordRequest))]
[JsonSerializable(typeof(BlueskyCreateRecordResponse))]
[JsonSerializable(typeof(BlueskyDeleteRecordRequest))]
[JsonSerializable(typeof(BlueskyUploadBlobResponse))]
[JsonSerializable(typeof(BlueskyResolveHandleResponse))]
[JsonSerializable(typeof(BlueskySendMessageRequest))]
[JsonSerializable(typeof(BlueskyMessageViewResponse))]
[JsonSerializable(typeof(BlueskyConvoAvailabilityResponse))]
[JsonSerializable(typeof(BlueskyConvoResponse))]
internal sealed partial class BlueskyJsonContext : JsonSerializerContext;
