namespace BlueLamp.Channels.Common;

/// <summary>
/// What a parser made of a payload: the events to store, what it deliberately left out (echoes of our own sends,
/// likes, read receipts) and, when the payload is not something the platform sends, the reason why.
/// </summary>
public sealed record ChannelParseResult
{
    private ChannelParseResult(IReadOnlyList<ChannelEvent> events, IReadOnlyList<string> skipped, string? error)
    {
        Events = events;
        Skipped = skipped;
        Error = error;
    }

    public IReadOnlyList<ChannelEvent> Events { get; }

    /// <summary>Why items in a well-formed payload were not turned into events; ids only, never message text.</summary>
    public IReadOnlyList<string> Skipped { get; }

    /// <summary>Why the payload was refused (malformed JSON or a shape the platform does not send); null when it was understood.</summary>
    public string? Error { get; }

    public bool IsMalformed => Error is not null;

    public static ChannelParseResult Parsed(IReadOnlyList<ChannelEvent> events, IReadOnlyList<string> skipped) => new(events, skipped, null);

    public static ChannelParseResult Malformed(string reason) => new([], [], reason);
}
