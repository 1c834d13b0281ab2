namespace BlueLamp.Core.Publishing;

/// <summary>Where a post is in its life: from draft, through approval and the schedule, to published or withdrawn.</summary>
public enum PostStatus
{
    Draft = 1,
    Submitted = 2,
    Approved = 3,
    Rejected = 4,
    Scheduled = 5,
    /// <summary>Held by a critical-incident lockdown; goes out only when released.</summary>
    Held = 6,
    /// <summary>Claimed by one node of the scheduler, which is sending its copies now.</summary>
    Publishing = 7,
    Published = 8,
    /// <summary>Every copy taken down (an appeal whose case moved on).</summary>
    Withdrawn = 9,
}
