namespace BlueLamp.Channels.WebChat;

/// <summary>The limits of the public web chat, shown to the person and enforced on the server.</summary>
public static class WebChatLimits
{
    public const int MaxTextLength = 2000;
    public const int MaxNameLength = 80;
    public const int MaxClientMessageIdLength = 64;

    /// <summary>Messages one visitor may send per minute before being asked to wait.</summary>
    public const int MessagesPerMinute = 10;

    /// <summary>Messages one network address may send per minute, whatever visitors it claims to be (offices and phones share addresses).</summary>
    public const int MessagesPerMinutePerAddress = 120;
}
