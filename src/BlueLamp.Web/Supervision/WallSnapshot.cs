using BlueLamp.Core.Triage;

namespace BlueLamp.Web.Supervision;

/// <summary>What the supervisor's wall shows at one moment.</summary>
public sealed record WallSnapshot(
    IReadOnlyDictionary<string, int> OpenByGrade,
    int Unassigned,
    int AwaitingReply,
    IReadOnlyList<OperatorLoad> Operators,
    IReadOnlyList<HourCount> MessagesPerHour,
    DateTimeOffset TakenAt,
    IReadOnlyList<DeadlineItem>? Deadlines = null,
    IReadOnlyList<HandoverItem>? UnacknowledgedHandovers = null,
    int SlaOverdue = 0,
    int FirstLooksOverdue = 0);

/// <summary>
/// A conversation past its deadline, or close to it; <paramref name="FirstLook"/> when the deadline is a private message's
/// first look (no operator has opened it yet), not its grade's.
/// </summary>
public sealed record DeadlineItem(Guid ConversationId, string Preview, Grade? Grade, DateTimeOffset DueAt, bool Breached, string? HeldBy, bool FirstLook = false);

/// <summary>A handover the control room has not yet acknowledged.</summary>
public sealed record HandoverItem(Guid ConversationId, DateTimeOffset OpenedAt, bool Escalated, string Reason);

/// <summary>One member of staff on the wall: on shift or not, and what they hold.</summary>
public sealed record OperatorLoad(string UserId, string DisplayName, bool OnShift, DateTimeOffset? OnShiftSince, int Holding, Grade? MostUrgentHeld);

/// <summary>Inbound messages in one hour of today and of the same day last week.</summary>
public sealed record HourCount(int Hour, int Today, int SameDayLastWeek);
