using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;

namespace BlueLamp.Web.Publishing;

/// <summary>
/// What the public sent in response to a post (comments under its copies, DMs sharing it or linked by hand): how many
/// conversations, on which platforms, how many the desk closed as information passed to the investigation, and
/// (for comms and supervisors) the list.
/// </summary>
public sealed record PostResponseSummary(int Total, IReadOnlyDictionary<Platform, int> ByPlatform, int Useful, IReadOnlyList<PostResponseView> Responses);

/// <summary>One conversation that responds to a post.</summary>
public sealed record PostResponseView(Guid ConversationId, Platform Platform, string AccountName, string PersonName, ConversationKind Kind,
    PostLinkSource Source, string Preview, DateTimeOffset LastMessageAt, ConversationStatus Status, string? OutcomeCode);

/// <summary>Response counts of one post, for the calendar.</summary>
public sealed record ResponseCount(int Total, int Useful);
