namespace BlueLamp.Core.Publishing;

/// <summary>Where turning off the public's comments (replies) under one copy stands, once a case made it necessary.</summary>
public enum CommentsState
{
    /// <summary>Being turned off now by one node.</summary>
    Closing = 1,
    /// <summary>The platform no longer takes comments or replies under the copy.</summary>
    Closed = 2,
    /// <summary>The platform refused or could not be reached; tried again until it works.</summary>
    CloseFailed = 3,
    /// <summary>The platform offers no way to turn them off; the note says what comms can do instead.</summary>
    NotPossible = 4,
    /// <summary>The platform cannot turn comments off, so they are held by hiding each one: a node is hiding them now.</summary>
    Holding = 5,
    /// <summary>
    /// The platform cannot turn comments off, so they are held by hiding each one: every comment under the copy is
    /// hidden, those there when the hold began and each new one as it reaches the desk. The note says what that leaves open.
    /// </summary>
    Held = 6,
}
