using BlueLamp.Channels.Common;

namespace BlueLamp.Channels.Bluesky;

/// <summary>
/// The outcome of closing replies under a post with its threadgate: sent or failed, and what the hold changed (known once
/// the record was read, so it is kept also after a failed write, and a retry restores the same things).
/// </summary>
public sealed record BlueskyThreadgateWrite(SendResult Result, BlueskyThreadgateHold? Hold);
