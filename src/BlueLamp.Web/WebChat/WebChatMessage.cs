namespace BlueLamp.Web.WebChat;

/// <summary>A message as the public's chat page shows it. Operators' names are not shown to the public; the force's is.</summary>
public sealed record WebChatMessage(Guid Id, string From, string Text, DateTimeOffset SentAt, bool FromForce);
