using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Publishing;

/// <summary>
/// A curated post to one or more of the force's accounts. It changes only through named steps that check the rules:
/// draft → submitted → approved (or rejected with a reason) → scheduled → published. An edit after approval sends it
/// back for approval; the approved version is kept, and only an approved version is ever published. Each step returns
/// null when done, or the reason it was refused in words the user can act on.
/// </summary>
public sealed class Post : IForceOwned
{
    public const int MinReasonLength = 5;

    private Post()
    {
        Content = new PostContent("", null, []);
        AccountIds = [];
        AuthorId = "";
        AuthorName = "";
    }

    public Guid Id { get; private set; }

    public Guid ForceId { get; private set; }

    public PostPurpose Purpose { get; private set; }

    /// <summary>The current wording, which may be newer than the approved one.</summary>
    public PostContent Content { get; private set; }

    /// <summary>Goes up by one with every edit; an approval names the version it approved.</summary>
    public int Version { get; private set; }

    /// <summary>The accounts the post goes to.</summary>
    public List<Guid> AccountIds { get; private set; }

    public PostStatus Status { get; private set; }

    public string AuthorId { get; private set; }

    public string AuthorName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>The wording as it was approved: what is published, kept even when a later edit awaits approval.</summary>
    public PostContent? ApprovedContent { get; private set; }

    public int? ApprovedVersion { get; private set; }

    public string? ApprovedById { get; private set; }

    public string? ApprovedByName { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public string? RejectionReason { get; private set; }

    public string? RejectedByName { get; private set; }

    public DateTimeOffset? RejectedAt { get; private set; }

    /// <summary>When the post is to go out; "send now" schedules it for the moment it was sent.</summary>
    public DateTimeOffset? ScheduledFor { get; private set; }

    public string? ScheduledByName { get; private set; }

    /// <summary>The critical-incident lockdown holding the post, when it is held.</summary>
    public Guid? HeldByLockdownId { get; private set; }

    public DateTimeOffset? HeldAt { get; private set; }

    /// <summary>The scheduler node that claimed the post, and until when its claim holds (a lease: a crashed node's claim runs out).</summary>
    public string? ClaimedBy { get; private set; }

    public DateTimeOffset? ClaimedUntil { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Who read the contempt-of-court warning on this version and sent it on anyway.</summary>
    public string? ContemptWarningAcknowledgedBy { get; private set; }

    /// <summary>
    /// The case the post is about, for an appeal and for any other post of the case (an incident update): when a
    /// suspect is arrested or charged, comments on the case's posts that stay up are turned off.
    /// </summary>
    public string? CaseReference { get; private set; }

    /// <summary>Ties the post to a case (or to none); the reference is checked as an appeal's is.</summary>
    public string? ReferTo(string? caseReference)
    {
        if (string.IsNullOrWhiteSpace(caseReference))
        {
            CaseReference = null;
            return null;
        }
        if (!Appeal.IsValidReference(caseReference))
            return "A case reference is letters, digits, spaces, / and -.";
        CaseReference = caseReference.Trim().ToUpperInvariant();
        return null;
    }

    /// <summary>Changes with every step, so two people acting on the same post at once cannot both win.</summary>
    public int Revision { get; private set; }

    /// <summary>True when the current wording is the approved one.</summary>
    public bool IsApproved => ApprovedVersion == Version && ApprovedContent is not null;

    public bool IsEditable => Status is not (PostStatus.Publishing or PostStatus.Published or PostStatus.Withdrawn);

    public static Post Draft(Guid id, Guid forceId, PostPurpose purpose, PostContent content, IEnumerable<Guid> accountIds, string authorId, string authorName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(accountIds);
        ArgumentException.ThrowIfNullOrWhiteSpace(authorId);
        ArgumentException.ThrowIfNullOrWhiteSpace(authorName);
        return new Post
        {
            Id = id,
            ForceId = forceId,
            Purpose = purpose,
            Content = content,
            Version = 1,
            AccountIds = accountIds.Distinct().ToList(),
            Status = PostStatus.Draft,
            AuthorId = authorId,
            AuthorName = authorName,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// Saves new wording or accounts as a new version. After approval (scheduled or held too) the post goes back to
    /// draft and must be approved again; the approved version stays on record until then.
    /// </summary>
    public string? Edit(PostPurpose purpose, PostContent content, IEnumerable<Guid> accountIds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(accountIds);
        if (!IsEditable)
            return "This post has gone out and can no longer be edited; write a new post instead.";
        Purpose = purpose;
        Content = content;
        AccountIds = accountIds.Distinct().ToList();
        Version++;
        ContemptWarningAcknowledgedBy = null;
        if (Status is PostStatus.Approved or PostStatus.Scheduled or PostStatus.Held or PostStatus.Rejected)
        {
            Status = PostStatus.Draft;
            ScheduledFor = null;
            ScheduledByName = null;
            HeldByLockdownId = null;
            HeldAt = null;
        }
        Touch(now);
        return null;
    }

    /// <summary>Sends the draft to the comms team for approval.</summary>
    public string? Submit(DateTimeOffset now, string? contemptWarningAcknowledgedBy = null)
    {
        if (Status is not (PostStatus.Draft or PostStatus.Rejected))
            return $"Only a draft can be submitted; this post is {Describe(Status)}.";
        Status = PostStatus.Submitted;
        SubmittedAt = now;
        RejectionReason = null;
        ContemptWarningAcknowledgedBy = contemptWarningAcknowledgedBy;
        Touch(now);
        return null;
    }

    /// <summary>Approves exactly <paramref name="version"/>: if the author changed it meanwhile, the approver must read it again.</summary>
    public string? Approve(int version, string approverId, string approverName, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(approverId);
        ArgumentException.ThrowIfNullOrWhiteSpace(approverName);
        if (Status != PostStatus.Submitted)
            return $"Only a submitted post can be approved; this post is {Describe(Status)}.";
        if (version != Version)
            return $"The post changed while you were reading it (you read version {version}, it is now version {Version}): read it again before approving.";
        Status = PostStatus.Approved;
        ApprovedContent = Content;
        ApprovedVersion = Version;
        ApprovedById = approverId;
        ApprovedByName = approverName;
        ApprovedAt = now;
        Touch(now);
        return null;
    }

    /// <summary>Sends the post back to its author with the reason, which they see beside it.</summary>
    public string? Reject(int version, string? reason, string rejectedByName, DateTimeOffset now)
    {
        if (Status != PostStatus.Submitted)
            return $"Only a submitted post can be rejected; this post is {Describe(Status)}.";
        if (version != Version)
            return $"The post changed while you were reading it (now version {Version}): read it again.";
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < MinReasonLength)
            return "Give the author a reason, so they know what to change.";
        Status = PostStatus.Rejected;
        RejectionReason = reason.Trim();
        RejectedByName = rejectedByName;
        RejectedAt = now;
        Touch(now);
        return null;
    }

    /// <summary>
    /// Puts the approved version on the schedule for <paramref name="at"/> (now, for "send now"). During a lockdown
    /// the post is held at once instead.
    /// </summary>
    public string? Schedule(DateTimeOffset at, string scheduledByName, DateTimeOffset now, Guid? activeLockdownId = null)
    {
        if (Status is not (PostStatus.Approved or PostStatus.Scheduled or PostStatus.Held) || !IsApproved)
            return Status is PostStatus.Draft or PostStatus.Submitted or PostStatus.Rejected
                ? "This version has not been approved yet: it can be scheduled once the comms team approves it."
                : $"This post is {Describe(Status)} and cannot be scheduled.";
        if (at < now.AddMinutes(-1))
            return "That time has passed: choose a time from now on, or send it now.";
        Status = activeLockdownId is null ? PostStatus.Scheduled : PostStatus.Held;
        HeldByLockdownId = activeLockdownId;
        HeldAt = activeLockdownId is null ? null : now;
        ScheduledFor = at;
        ScheduledByName = scheduledByName;
        Touch(now);
        return null;
    }

    /// <summary>Holds a scheduled post during a critical-incident lockdown.</summary>
    public string? Hold(Guid lockdownId, DateTimeOffset now)
    {
        if (Status != PostStatus.Scheduled)
            return $"Only a scheduled post can be held; this post is {Describe(Status)}.";
        Status = PostStatus.Held;
        HeldByLockdownId = lockdownId;
        HeldAt = now;
        Touch(now);
        return null;
    }

    /// <summary>Releases a held post: it goes out at its time, or at once when that has passed.</summary>
    public string? Release(DateTimeOffset now)
    {
        if (Status != PostStatus.Held)
            return $"Only a held post can be released; this post is {Describe(Status)}.";
        Status = PostStatus.Scheduled;
        HeldByLockdownId = null;
        HeldAt = null;
        Touch(now);
        return null;
    }

    /// <summary>Records that the scheduler has tried every copy (each copy keeps its own result).</summary>
    public void MarkPublished(DateTimeOffset now)
    {
        if (Status != PostStatus.Publishing)
            throw new InvalidOperationException($"Post {Id} is {Status}, not being published.");
        Status = PostStatus.Published;
        PublishedAt = now;
        ClaimedBy = null;
        ClaimedUntil = null;
        Touch(now);
    }

    /// <summary>Records that every copy has been taken down.</summary>
    public void MarkWithdrawn(DateTimeOffset now)
    {
        Status = PostStatus.Withdrawn;
        Touch(now);
    }

    public static string Describe(PostStatus status) => status switch
    {
        PostStatus.Draft => "a draft",
        PostStatus.Submitted => "waiting for approval",
        PostStatus.Approved => "approved",
        PostStatus.Rejected => "rejected",
        PostStatus.Scheduled => "scheduled",
        PostStatus.Held => "held by a lockdown",
        PostStatus.Publishing => "being published",
        PostStatus.Published => "published",
        PostStatus.Withdrawn => "withdrawn",
        _ => status.ToString(),
    };

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Revision++;
    }
}
