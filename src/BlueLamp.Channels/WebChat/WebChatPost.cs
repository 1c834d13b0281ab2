namespace BlueLamp.Channels.WebChat;

/// <summary>What the public web-chat page sends: the text, the browser's own id for this message, and an optional name.</summary>
public sealed record WebChatPost(string? Text, string? ClientMessageId, string? Name);
