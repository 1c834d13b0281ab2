using System.Text.Json.Serialization;

namespace BlueLamp.Channels.Meta;

internal sealed record MetaFeedRequest([property: JsonPropertyName("message")] string Message);

internal sealed record MetaPhotoRequest(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("alt_text_custom")] string AltText);

internal sealed record MetaPhotoResponse(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("post_id")] string? PostId);

internal sealed record InstagramContainerRequest(
    [property: JsonPropertyName("image_url")] string ImageUrl,
    [property: JsonPropertyName("caption")] string Caption,
    [property: JsonPropertyName("alt_text")] string AltText);

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
