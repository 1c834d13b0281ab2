using BlueLamp.Channels.Common;

namespace BlueLamp.Web.Publishing;

/// <summary>
/// How turning comments off under a copy went: the platform's result, which of the replies asked for the hold itself hid
/// (not those the account had hidden already), and what lifting the hold must restore, as the platform's connector wrote it
/// (kept on the copy; Bluesky: the threadgate's allow rules before the hold). Null where there is nothing to restore.
/// </summary>
public sealed record CommentsClosing(SendResult Result, IReadOnlyList<string> Hidden, string? Undo)
{
    /// <summary>A platform whose closing hides nothing and keeps nothing to restore.</summary>
    public static CommentsClosing Only(SendResult result) => new(result, [], null);
}
