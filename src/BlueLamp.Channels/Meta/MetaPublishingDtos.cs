using System.Text.Json.Serialization;

namespace BlueLamp.Channels.Meta;

internal sealed record MetaFeedRequest(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("attached_media")] IReadOnlyList<MetaAttachedMedia>? AttachedMedia = null);

internal sealed record MetaAttachedMedia([property: JsonPropertyName("media_fbid")] string MediaFbid);

/// <summary>A Page photo: published with the post's message, or (<c>published: false</c>) uploaded to be attached to one feed post.</summary>
internal sealed record MetaPhotoRequest(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("alt_text_custom")] string AltText,
    [property: JsonPropertyName("published")] bool? Published);

internal sealed record MetaPhotoResponse(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("post_id")] string? PostId);

/// <summary>An image container (alone, or a carousel item), or the carousel container that names its children.</summary>
internal sealed record InstagramContainerRequest(
    [property: JsonPropertyName("image_url")] string? ImageUrl,
    [property: JsonPropertyName("caption")] string? Caption,
    [property: JsonPropertyName("alt_text")] string? AltText,
    [property: JsonPropertyName("is_carousel_item")] bool? IsCarouselItem = null,
    [property: JsonPropertyName("media_type")] string? MediaType = null,
    [property: JsonPropertyName("children")] IReadOnlyList<string>? Children = null);

internal sealed record InstagramPublishRequest([property: JsonPropertyName("creation_id")] string CreationId);

internal sealed record MetaPermalinkResponse([property: JsonPropertyName("permalink")] string? Permalink);

internal sealed record MetaSuccessResponse([property: JsonPropertyName("success")] bool Success);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MetaFeedRequest))]
[JsonSerializable(typeof(MetaPhotoRequest))]
[JsonSerializable(typeof(MetaPhotoResponse))]
[JsonSerializable(typeof(InstagramContainerRequest))]
[JsonSerializable(typeof(InstagramPublishRequest))]
[JsonSerializable(typeof(MetaPermalinkResponse))]
[JsonSerializable(typeof(MetaSuccessResponse))]
[JsonSerializable(typeof(MetaIdResponse))]
internal sealed partial class MetaPublishingJsonContext : JsonSerializerContext;
