using BlueLamp.Core.Contact;

namespace BlueLamp.Core.Triage;

/// <summary>
/// Where a message was said: privately or in public, and under which kind of post. Context may only raise
/// an assessment (a sighting under a missing-person appeal), never lower a life-at-risk one.
/// </summary>
/// <param name="Kind">A DM, a comment under one of our posts, or a mention.</param>
/// <param name="ParentPurpose">The purpose code of the post a comment is under (<c>missing_person</c>, <c>wanted</c>, <c>crime_appeal</c>, <c>road_closure</c>, <c>prevention</c>, ...), or null.</param>
public sealed record TriageContext(ConversationKind Kind, string? ParentPurpose = null)
{
    public static TriageContext DirectMessage { get; } = new(ConversationKind.DirectMessage);

    public static TriageContext CommentUnder(string? parentPurpose) => new(ConversationKind.CommentThread, parentPurpose);

    public static TriageContext Mention { get; } = new(ConversationKind.Mention);
}
