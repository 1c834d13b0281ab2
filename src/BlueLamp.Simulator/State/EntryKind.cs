using System.Text.Json.Serialization;
using BlueLamp.Simulator.Http;

namespace BlueLamp.Simulator.State;

/// <summary>What an entry on a simulated platform is.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<EntryKind>))]
public enum EntryKind
{
    /// <summary>A private message in a DM thread (Messenger, Instagram Direct, X DM, Bluesky chat).</summary>
    DirectMessage,

    /// <summary>A comment under a Facebook post or Instagram media, or a reply to one.</summary>
    Comment,

    /// <summary>A public post (tweet, Bluesky post) that mentions or replies to someone.</summary>
    Mention,

    /// <summary>The account's own top-level post: a page post, an Instagram media, a tweet, a Bluesky post.</summary>
    Post,
}
