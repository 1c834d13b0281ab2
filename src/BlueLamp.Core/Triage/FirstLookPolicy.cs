using BlueLamp.Core.Contact;

namespace BlueLamp.Core.Triage;

/// <summary>
/// The safety net under triage: a person looks at every private message (a direct message or web chat) within the
/// force's first-look limit, whatever grade the engine gave it, because the engine misses some messages from people
/// whose life is at risk. Public comments and mentions keep their grade's deadline only. The net only ever brings a
/// deadline forward; it never changes a grade, a category or life at risk.
/// </summary>
/// <param name="Limit">How long after it arrives a private message must have been looked at by an operator.</param>
public sealed record FirstLookPolicy(TimeSpan Limit)
{
    /// <summary>The shortest and longest first-look limit a force may set.</summary>
    public static readonly TimeSpan ShortestLimit = TimeSpan.FromMinutes(1), LongestLimit = TimeSpan.FromHours(24);

    /// <summary>BlueLamp's default: 30 minutes.</summary>
    public static FirstLookPolicy Default { get; } = new(TimeSpan.FromMinutes(30));

    /// <summary>A force's policy from its stored limit in whole minutes; null for the default.</summary>
    public static FirstLookPolicy FromMinutes(int? minutes) => minutes is { } own ? new(TimeSpan.FromMinutes(own)) : Default;

    /// <summary>Whether conversations of this kind get a first look: private ones only.</summary>
    public static bool AppliesTo(ConversationKind kind) => kind == ConversationKind.DirectMessage;

    /// <summary>When the first look is due for a message waiting since <paramref name="waitingSince"/>; null when nothing waits.</summary>
    public DateTimeOffset? DueAt(DateTimeOffset? waitingSince) => waitingSince + Limit;

    /// <summary>The earlier of the grade's deadline and the first look's, either of which may be absent.</summary>
    public static DateTimeOffset? Earlier(DateTimeOffset? gradeDueAt, DateTimeOffset? firstLookDueAt) =>
        gradeDueAt is { } grade && firstLookDueAt is { } look ? (look < grade ? look : grade) : gradeDueAt ?? firstLookDueAt;

    /// <summary>Why a force may not set <paramref name="limit"/>, or null when it may.</summary>
    public static string? Problem(TimeSpan limit) =>
        limit < ShortestLimit || limit > LongestLimit
            ? $"Give a first-look limit between {ShortestLimit.TotalMinutes:0} minute and {LongestLimit.TotalHours:0} hours ({LongestLimit.TotalMinutes:0} minutes)."
            : null;
}
