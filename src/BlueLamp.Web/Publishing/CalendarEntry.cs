using BlueLamp.Core.Accounts;
using BlueLamp.Core.Publishing;

namespace BlueLamp.Web.Publishing;

/// <summary>One post on one account on the calendar: when, where, what for, where it stands, and what the public sent back on that account.</summary>
public sealed record CalendarEntry(Guid PostId, DateTimeOffset When, Guid AccountId, string AccountName, Platform Platform, PostPurpose Purpose, PostStatus Status, string Excerpt, CopyState? CopyState,
    ResponseCount? Responses = null);
