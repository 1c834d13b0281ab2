using System.Text.Json.Serialization;

namespace BlueLamp.Channels.Meta;

internal sealed record MetaRecipient(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("comment_id")] string? CommentId);

internal sealed record MetaMessageText([property: JsonPropertyName("text")] string Text);

internal sealed record MetaSendRequest(
    [property: JsonPropertyName("recipient")] MetaRecipient Recipient,
    [property: JsonPropertyName("messaging_type")] string? MessagingType,
    [property: JsonPropertyName("tag")] string? Tag,
    [property: JsonPropertyName("message")] MetaMessageText Message);

internal sealed record MetaSendResponse(
    [property: JsonPropertyName("recipient_id")] string? RecipientId,
    [property: JsonPropertyName("message_id")] string? MessageId);

internal sealed record MetaCommentRequest([property: JsonPropertyName("message")] string Message);

internal sealed record MetaIdResponse([property: JsonPropertyName("id")] string? Id);

internal sealed record MetaPageAbout([property: JsonPropertyName("about")] string About);

internal sealed record MetaHideFacebookComment([property: JsonPropertyName("is_hidden")] bool IsHidden);

internal sealed record MetaHideInstagramComment([property: JsonPropertyName("hide")] bool Hide);


[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MetaSendRequest))]
[JsonSerializable(typeof(MetaSendResponse))]
[JsonSerializable(typeof(MetaCommentRequest))]
[JsonSerializable(typeof(MetaIdResponse))]
[JsonSerializable(typeof(MetaHideFacebookComment))]
[JsonSerializable(typeof(MetaPageAbout))]
[JsonSerializable(typeof(MetaHideInstagramComment))]
[JsonSerializable(typeof(MetaSuccessResponse))]
internal sealed partial class MetaJsonContext : JsonSerializerContext;
