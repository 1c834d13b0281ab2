namespace BlueLamp.Web.WebChat;

/// <summary>A force's public web chat: which force, and the account its conversations belong to.</summary>
public sealed record WebChatAccount(Guid ForceId, string ForceSlug, string ForceName, Guid AccountId);
