using System.Text;
using BlueLamp.Channels.Bluesky;
using BlueLamp.Channels.Common;
using BlueLamp.Channels.Meta;
using BlueLamp.Channels.X;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;

namespace BlueLamp.Web.Channels;

/// <summary>How long a reply may be on the platform and in the kind of conversation it answers, counted as that platform counts.</summary>
public static class ReplyLimits
{
    /// <summary>Facebook's limit on a comment.</summary>
    public const int FacebookCommentLimit = 8000;

    /// <summary>Instagram's limit on a comment.</summary>
    public const int InstagramCommentLimit = 2200;

    /// <summary>The check for a reply, or null where BlueLamp's own limit is the only one (web chat).</summary>
    public static TextLengthCheck? Check(Platform platform, ConversationKind kind, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var direct = kind == ConversationKind.DirectMessage;
        return platform switch
        {
            Platform.Facebook when direct => new TextLengthCheck(text.Length, MetaGraphClient.MessengerTextLimit, "characters", "Messenger"),
            Platform.Facebook => new TextLengthCheck(text.Length, FacebookCommentLimit, "characters", "Facebook"),
            Platform.Instagram when direct => new TextLengthCheck(Encoding.UTF8.GetByteCount(text), MetaGraphClient.InstagramTextByteLimit, "bytes", "Instagram"),
            Platform.Instagram => new TextLengthCheck(text.Length, InstagramCommentLimit, "characters", "Instagram"),
            Platform.X when direct => new TextLengthCheck(text.Length, XApiClient.DirectMessageLimit, "characters", "X"),
            Platform.X => XTextLength.Check(text),
            Platform.Bluesky when direct => BlueskyTextLength.CheckChat(text),
            Platform.Bluesky => BlueskyTextLength.CheckPost(text),
            _ => null,
        };
    }
}
