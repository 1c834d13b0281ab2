namespace BlueLamp.Core.Publishing;

/// <summary>Where one comment under a held copy stands.</summary>
public enum HeldCommentState
{
    /// <summary>Hidden on the platform by the hold.</summary>
    Hidden = 1,
    /// <summary>The platform did not hide it; tried again at <see cref="HeldComment.NextAttemptAt"/>.</summary>
    Retrying = 2,
    /// <summary>
    /// The platform will not hide it (it said so, or every attempt failed): it stays visible, with the platform's error
    /// on the post page, until someone tries again by hand.
    /// </summary>
    Failed = 3,
    /// <summary>The hold was lifted: the comment is shown again (or, never hidden, no longer tried).</summary>
    Released = 4,
}
