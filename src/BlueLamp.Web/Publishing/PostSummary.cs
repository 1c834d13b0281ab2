using BlueLamp.Core.Publishing;

namespace BlueLamp.Web.Publishing;

/// <summary>A post in the list: what it is for, its opening words, where it stands and when it goes out.</summary>
public sealed record PostSummary(Guid Id, PostPurpose Purpose, string Excerpt, PostStatus Status, string AuthorName, int Version, DateTimeOffset? ScheduledFor, DateTimeOffset UpdatedAt, int AccountCount, bool ReviewDue);
