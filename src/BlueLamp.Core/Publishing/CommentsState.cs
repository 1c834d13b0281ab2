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
    /// <summary>The case ended and a supervisor lifted the hold: a node is opening comments again now.</summary>
    Reopening = 7,
    /// <summary>Lifting the hold did not finish on the platform (the note has its error); tried again until it does.</summary>
    ReopenFailed = 8,
    /// <summary>The hold was lifted: comments are open again and those it hid are shown again.</summary>
    Reopened = 9,
}
