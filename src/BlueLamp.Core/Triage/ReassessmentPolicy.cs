namespace BlueLamp.Core.Triage;

/// <summary>
/// How long an operator's assessment of each grade stands before the conversation is due for review if it is
/// still open (e.g. a priority contact not resolved in 45 minutes). Grade 4 needs no review.
/// </summary>
public sealed record ReassessmentPolicy(TimeSpan Emergency, TimeSpan Priority, TimeSpan Scheduled)
{
    public static ReassessmentPolicy Default { get; } = new(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(45), TimeSpan.FromHours(24));

    /// <summary>When an assessment of <paramref name="grade"/> made at <paramref name="assessedAt"/> is due for review; null when never.</summary>
    public DateTimeOffset? ReviewDue(Grade grade, DateTimeOffset assessedAt) => grade switch
    {
        Grade.Emergency => assessedAt + Emergency,
        Grade.Priority => assessedAt + Priority,
        Grade.Scheduled => assessedAt + Scheduled,
        _ => null,
    };
}
