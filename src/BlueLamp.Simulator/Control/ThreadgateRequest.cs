using System.Text.Json;

namespace BlueLamp.Simulator.Control;

/// <summary>
/// The account owner sets a Bluesky post's threadgate in the app: the post's at:// URI and the app.bsky.feed.threadgate
/// record; with <c>AfterNextRead</c>, just after BlueLamp next reads it (a change made while BlueLamp merges its own).
/// </summary>
public sealed record ThreadgateRequest(string Post, JsonElement Record, bool? AfterNextRead);
