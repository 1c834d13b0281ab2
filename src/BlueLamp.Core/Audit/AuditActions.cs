namespace BlueLamp.Core.Audit;

/// <summary>The names of audited actions, as they appear in the trail and its exports.</summary>
public static class AuditActions
{
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string LoginLockedOut = "login.locked_out";
    public const string Logout = "logout";
    public const string TwoFactorEnabled = "two_factor.enabled";
    public const string TwoFactorDisabled = "two_factor.disabled";
    public const string ConversationOpened = "conversation.opened";
    public const string ConversationReplied = "conversation.replied";
    public const string ConversationClaimed = "conversation.claimed";
    public const string ConversationReleased = "conversation.released";
    public const string ConversationReassigned = "conversation.reassigned";
    public const string ConversationAssessed = "conversation.assessed";
    public const string ConversationNoteAdded = "conversation.note_added";
    public const string ConversationReferenceLinked = "conversation.reference_linked";
    public const string ConversationClosed = "conversation.closed";
    public const string ConversationMarkedLifeAtRisk = "conversation.marked_life_at_risk";
    public const string HoldingReplySent = "conversation.holding_reply_sent";
    public const string PersonLinked = "person.linked";
    public const string ConversationRepliedPrivately = "conversation.replied_privately";
    public const string CommentHidden = "conversation.comment_hidden";
    public const string CommentUnhidden = "conversation.comment_unhidden";
    public const string SafePublicLineChanged = "force.safe_public_line_changed";
    public const string LifeAtRiskSettingsChanged = "force.life_at_risk_settings_changed";
    public const string LifeAtRiskModelSwitched = "force.life_at_risk_model_switched";
    public const string LifeAtRiskOverturned = "conversation.life_at_risk_overturned";
    public const string AlarmReportViewed = "report.alarms_viewed";
    public const string ProfileTextPushed = "account.profile_text_pushed";
    public const string HandoverOpened = "handover.opened";
    public const string HandoverViewed = "handover.viewed";
    public const string HandoverAcknowledged = "handover.acknowledged";
    public const string HandoverEscalated = "handover.escalated";
    public const string HandoverStoodDown = "handover.stood_down";
    public const string HandoverStandDownConfirmed = "handover.stand_down_confirmed";
    public const string HandoverReopened = "handover.reopened";
    public const string HandoverSentToCommandAndControl = "handover.sent_to_command_and_control";
    public const string HandoverCommandAndControlFailed = "handover.command_and_control_failed";
    public const string HandoverCommandAndControlRetried = "handover.command_and_control_retried";
    public const string CommandAndControlLinkChanged = "command_and_control.link_changed";
    public const string CommandAndControlLinkViewed = "command_and_control.link_viewed";
    public const string ReferralKeyCreated = "referral_key.created";
    public const string ReferralKeyRevoked = "referral_key.revoked";
    public const string ReferralKeysViewed = "referral_key.viewed";
    public const string IndicatorSetViewed = "indicator_set.viewed";
    public const string IndicatorSetPreviewed = "indicator_set.previewed";
    public const string IndicatorSetChanged = "indicator_set.changed";
    public const string SlaBreached = "conversation.sla_breached";
    public const string FirstLookBreached = "conversation.first_look_breached";
    public const string FirstLookSettingsChanged = "force.first_look_changed";
    public const string QueueViewed = "queue.viewed";
    public const string AuditViewed = "audit.viewed";
    public const string AuditVerified = "audit.verified";
    public const string AuditExported = "audit.exported";
    public const string UserCreated = "user.created";
    public const string ForceCreated = "force.created";
    public const string PostDrafted = "post.drafted";
    public const string PostEdited = "post.edited";
    public const string PostSubmitted = "post.submitted";
    public const string PostApproved = "post.approved";
    public const string PostRejected = "post.rejected";
    public const string PostScheduled = "post.scheduled";
    public const string PostHeld = "post.held";
    public const string PostReleased = "post.released";
    public const string PostPublished = "post.published";
    public const string PostCopyPublished = "post.copy_published";
    public const string PostCopyFailed = "post.copy_failed";
    public const string PostCopyRetried = "post.copy_retried";
    public const string PostCopyWithdrawn = "post.copy_withdrawn";
    public const string PostCopyWithdrawFailed = "post.copy_withdraw_failed";
    public const string ContemptWarningAcknowledged = "post.contempt_warning_acknowledged";
    public const string LockdownStarted = "lockdown.started";
    public const string LockdownEnded = "lockdown.ended";
    public const string AppealAuthorised = "appeal.authorised";
    public const string AppealStatusChanged = "appeal.status_changed";
    public const string AppealReviewDue = "appeal.review_due";
    public const string AppealReviewed = "appeal.reviewed";
    public const string PostingRightsChanged = "posting_rights.changed";
    public const string ConversationLinkedToPost = "conversation.linked_to_post";
    public const string ConversationPostLinkRemoved = "conversation.post_link_removed";
    public const string PostResponsesViewed = "post.responses_viewed";

    public const string PostViewed = "post.viewed";

    public const string PostsListed = "post.listed";
    public const string PostCommentsClosed = "post.comments_closed";
    public const string PostCommentsCloseFailed = "post.comments_close_failed";
    /// <summary>Comments under a copy are held by hiding each one, where the platform cannot turn them off (Facebook, X).</summary>
    public const string PostCommentsHeld = "post.comments_held";
    /// <summary>The platform will not hide a held comment (it said so, or every attempt failed): it stays visible, shown on the post page.</summary>
    public const string PostCommentHoldFailed = "post.comment_hold_failed";
    /// <summary>Someone asked for the held comments the platform would not hide to be tried again.</summary>
    public const string PostCommentHoldRetried = "post.comment_hold_retried";
    /// <summary>A supervisor lifted the comment hold on a case's posts (the charge dropped, the trial over).</summary>
    public const string PostCommentHoldLifted = "post.comment_hold_lifted";
    /// <summary>Comments are open again under one copy (turned on again, threadgate removed, hidden ones shown).</summary>
    public const string PostCommentsReopened = "post.comments_reopened";
    public const string PostCommentsReopenFailed = "post.comments_reopen_failed";
}
