namespace BlueLamp.Core.Publishing;

/// <summary>Where one copy of a post on one account stands.</summary>
public enum CopyState
{
    /// <summary>Claimed for publishing, not yet sent.</summary>
    Pending = 1,
    /// <summary>Being sent now by one node.</summary>
    Sending = 2,
    Published = 3,
    /// <summary>The platform refused or could not be reached; the error is kept and a person can retry.</summary>
    Failed = 4,
    /// <summary>The node sending it stopped mid-call: it may or may not be on the platform. Never resent blindly; a person checks.</summary>
    Unknown = 5,
    /// <summary>Being taken down now.</summary>
    Withdrawing = 6,
    Withdrawn = 7,
    /// <summary>Taking it down failed; retried until it is gone.</summary>
    WithdrawFailed = 8,
}
